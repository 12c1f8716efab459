"""Admin → Meetings → Add from article: paste, review what was read, save in one transaction.

A correction made on the review of a meeting that is already recorded is made to that meeting
when the article is added to it (meetings.intake.review keeps what the reader read, so that the
corrections are what the editor changed from it).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse

from meetings import services
from meetings.intake import credits
from meetings.intake.forms import MAX_MEETINGS, ArticleForm, SourceReviewForm, sign_reading
from meetings.intake.places import ensure_places
from meetings.intake.reader import Reader
from meetings.intake.review import (
    OPEN_UP_TO,
    Review,
    bound_review,
    describe_duplicates,
    error_links,
    evidence,
    proposal_reading,
    quote_of,
    unbound_review,
)
from meetings.models import Meeting, Topic

TEMPLATE = "admin/meetings/meeting/intake.html"


def intake_view(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    ctx = context(request, model_admin)
    if request.method == "POST" and "save" in request.POST:
        return save_review(request, model_admin, ctx)
    if request.method == "POST":
        form = ArticleForm(request.POST, request.FILES)
        if form.is_valid():
            return read_article(request, ctx, form)
    else:
        form = ArticleForm()
    return article_page(request, ctx, form)


def context(request: HttpRequest, model_admin: ModelAdmin) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": Meeting._meta,
        "title": "Add meetings from an article",
    }


def article_page(request, ctx, form: ArticleForm, status: int = 200) -> TemplateResponse:
    ctx = ctx | {"form": form, "media": form.media}
    return TemplateResponse(request, TEMPLATE, ctx, status=status)


def refused(request: HttpRequest, model_admin: ModelAdmin, message: str) -> HttpResponse:
    """The article page with a message, for a request too large to be read at all (nothing of
    it was read; the middleware sends it here)."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    ctx = context(request, model_admin) | {"refusal": message}
    return article_page(request, ctx, ArticleForm(), status=413)


def read_article(request, ctx, form: ArticleForm) -> TemplateResponse:
    ensure_places()
    article = form.article
    reading = Reader().read(
        article.text,
        published=article.published_on,
        title=article.title,
        publisher=article.publisher,
        url=article.url,
    )
    proposals = reading.proposals
    notes = list(reading.notes)
    if len(proposals) > MAX_MEETINGS:
        notes.append(
            f"The reader found {len(proposals)} meetings; the first {MAX_MEETINGS} are shown. "
            "Save them, then paste the rest of the article."
        )
        proposals = proposals[:MAX_MEETINGS]
    publisher, publisher_evidence = article.publisher, None
    if article.publisher:
        if not form.cleaned_data.get("publisher"):
            publisher_evidence = {"note": "the saved page's name for its site"}
    else:
        credit = credits.credited(article.text, reading.dateline.city if reading.dateline else None)
        if credit:
            publisher = credit.publisher
            publisher_evidence = {"note": f"the {credit.where}", "sentence": credit.words}
    meetings = [proposal_reading(p) for p in proposals]
    signed = sign_reading({"meetings": meetings, "publisher": publisher_evidence})
    source = SourceReviewForm(
        initial={
            "text": article.text,
            "url": article.url,
            "title": article.title,
            "publisher": publisher,
            "published_on": article.published_on,
            "count": len(meetings),
            "reading": signed,
        }
    )
    reviews = [unbound_review(n, m) for n, m in enumerate(meetings)]
    for review in reviews:
        review.open = len(reviews) <= OPEN_UP_TO
    return review_page(request, ctx, source, reviews, notes, publisher_evidence)


def review_page(
    request, ctx, source, reviews, notes=(), publisher_evidence=None, status=200
) -> TemplateResponse:
    media = source.media
    for review in reviews:
        media = media + review.form.media + review.participants.media
    describe_duplicates(reviews)
    for review in reviews:
        evidence(review)
    ctx = ctx | {
        "step": "review",
        "source_form": source,
        "reviews": reviews,
        "notes": notes,
        "errors": error_links(source, reviews),
        "publisher_evidence": [quote_of(publisher_evidence)] if publisher_evidence else [],
        "media": media,
    }
    return TemplateResponse(request, TEMPLATE, ctx, status=status)


# -- saving ------------------------------------------------------------------------------------


def save_review(request: HttpRequest, model_admin: ModelAdmin, ctx: dict) -> HttpResponse:
    source = SourceReviewForm(request.POST)
    valid = source.is_valid()
    reading = source.cleaned_data.get("reading")
    if reading is None or source.has_error("count") or source.non_field_errors():
        messages.error(request, "The review form was incomplete; paste the article again.")
        return redirect("admin:meetings_meeting_intake")
    reviews = [bound_review(n, request.POST, r) for n, r in enumerate(reading["meetings"])]
    # every review checked (not only up to the first with an error): all errors are shown
    results = [checked(r) for r in reviews]
    valid = all(results) and valid
    if valid:
        valid = check_participants(reviews) & check_permission(request, model_admin, reviews)
    if not valid:
        messages.error(request, "Some values need attention; nothing was saved yet.")
        return unsaved(request, ctx, source, reviews, reading)
    data = source.cleaned_data
    inputs = [meeting_input(r) for r in reviews if r.form.cleaned_data["include"]]
    if not inputs:
        messages.warning(request, "No meeting was selected, so nothing was saved.")
        return unsaved(request, ctx, source, reviews, reading)
    try:
        article, created, attached = services.create_from_article(
            source=services.SourceInput(
                url=data["url"],
                citation=data["citation"],
                title=data["title"],
                publisher=data["publisher"],
                published_on=data["published_on"],
                text=data["text"],
                offline=data["offline"],
            ),
            meetings=inputs,
            status=data["status"],
            user=request.user,
        )
    except (ValidationError, DatabaseError) as exc:
        messages.error(request, f"Nothing was saved: {describe(exc)}")
        return unsaved(request, ctx, source, reviews, reading)
    messages.success(
        request,
        render_to_string(
            "admin/meetings/meeting/intake_saved.html",
            {"created": created, "attached": attached, "article": article},
        ),
    )
    return redirect("admin:meetings_meeting_changelist")


def unsaved(request, ctx, source, reviews, reading) -> TemplateResponse:
    """The review again, as the editor left it: the meetings with an error open, the others
    folded."""
    errors = any(r.has_errors for r in reviews)
    for review in reviews:
        review.open = review.has_errors if errors else len(reviews) <= OPEN_UP_TO
    return review_page(request, ctx, source, reviews, publisher_evidence=reading.get("publisher"))


def checked(review: Review) -> bool:
    """Whether a review can be saved as it stands. One left out is not looked at; on one added
    to a recorded meeting only the participants the editor changed count, as only they are
    made to that meeting (a person the reader could not place can be left as read)."""
    form_ok = review.form.is_valid()
    people_ok = review.participants.is_valid()
    if not review.form.cleaned_data.get("include"):
        review.left_out = True
        return True
    if form_ok and not people_ok and review.form.attach_to() is not None:
        people_ok = not review.participants.non_form_errors() and not any(
            f.errors and f.has_changed() for f in review.participants.forms
        )
    return form_ok and people_ok


def check_participants(reviews: list[Review]) -> bool:
    ok = True
    for review in reviews:
        data = review.form.cleaned_data
        if not data.get("include") or review.form.attach_to() is not None:
            continue
        rows = [f for f in review.participants.forms if not f.is_blank()]
        officials = [f.cleaned_data["official"] for f in rows if f.cleaned_data.get("official")]
        if not rows:
            review.form.add_error(None, "A meeting needs at least one participant.")
            ok = False
        elif len(officials) != len(set(officials)):
            review.form.add_error(None, "The same official is listed twice.")
            ok = False
    return ok


def check_permission(request, model_admin: ModelAdmin, reviews: list[Review]) -> bool:
    """Adding the article to a recorded meeting changes that meeting."""
    ok = True
    for review in reviews:
        meeting = review.form.attach_to() if review.form.cleaned_data.get("include") else None
        if meeting is not None and not model_admin.has_change_permission(request, meeting):
            review.form.add_error(
                "action",
                "You may add meetings but not change recorded ones: record it as a new meeting.",
            )
            ok = False
    return ok


def meeting_input(review: Review) -> services.MeetingInput:
    data = review.form.cleaned_data
    reading = review.reading
    new_venue = None
    if not data.get("venue") and data.get("new_venue_name"):
        # where the gazetteer put the place the reader named, unless the editor named another
        place = reading["place"] if "new_venue_name" not in review.form.changed_data else None
        new_venue = services.NewVenue(
            name=data["new_venue_name"],
            country=data["new_venue_country"],
            latitude=place[0] if place else None,
            longitude=place[1] if place else None,
        )
    people = reading["people"]
    attach_to = review.form.attach_to()
    participants = [
        participant_input(f, people[i] if i < len(people) else None)
        for i, f in enumerate(review.participants.forms)
        if attach_to is None and not f.is_blank()
    ]
    item = services.MeetingInput(
        date=data["date"],
        date_precision=data["date_precision"],
        kind=data["kind"],
        participants=participants,
        venue=data.get("venue"),
        new_venue=new_venue,
        occasion=data.get("occasion"),
        new_occasion=data.get("new_occasion", ""),
        topics=list(data.get("topics") or []),
        title=data.get("title", ""),
        summary=data.get("summary", ""),
        quote=data.get("quote", ""),
        attach_to=attach_to,
    )
    if attach_to is not None:
        item.corrections = corrections(review)
    return item


def participant_input(form, read: dict | None) -> services.ParticipantInput:
    data = form.cleaned_data
    # the name as the article wrote it: the alias a chosen official learns
    written_as = read["written_as"] if read else ""
    return services.ParticipantInput(
        official=data.get("official"),
        new_name=data.get("new_name", ""),
        written_as=written_as,
        title=data.get("title", ""),
        country=data["country"],
    )


def corrections(review: Review) -> services.Corrections:
    """What the editor changed from what the reader read, to make to the recorded meeting."""
    form, changed = review.form, set(review.form.changed_data)
    data = form.cleaned_data
    fix = services.Corrections(
        fields={name: data[name] for name in form.CORRECTABLE if name in changed},
        venue=bool(changed & set(form.VENUE)),
        occasion=bool(changed & set(form.OCCASION)),
    )
    if "topics" in changed:
        before = set(form.initial.get("topics") or [])
        now = {t.pk for t in data.get("topics") or []}
        topics = Topic.objects.in_bulk(before | now)
        fix.topics_added = [topics[pk] for pk in sorted(now - before) if pk in topics]
        fix.topics_removed = [topics[pk] for pk in sorted(before - now) if pk in topics]
    people = review.reading["people"]
    for i, row in enumerate(review.participants.forms):
        if not row.has_changed():
            continue
        read = people[i] if i < len(people) else None
        was = read["official"] if read else None
        now = row.cleaned_data.get("official")
        same = read is not None and (
            (was is not None and now is not None and now.pk == was)
            or (
                was is None and now is None and row.cleaned_data.get("new_name") == read["new_name"]
            )
        )
        if not same and was is not None:
            fix.people_removed += row.fields["official"].queryset.filter(pk=was)
        if not row.is_blank():
            fix.people_added.append(participant_input(row, read))
    return fix


def describe(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return "the database refused the data (a duplicate or a missing value); please check it."
