"""Admin → Meetings → Add from article: paste, review what was read, save in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from meetings import services
from meetings.intake.forms import (
    ArticleForm,
    MeetingReviewForm,
    ParticipantFormSet,
    SourceReviewForm,
)
from meetings.intake.places import ensure_places, gazetteer
from meetings.intake.reader import Proposal, Reader, Reading
from meetings.models import Country, Meeting, Occasion, Venue
from meetings.text import fold


@dataclass
class Review:
    """One proposed meeting on the review page: its form, participants and evidence."""

    form: MeetingReviewForm
    participants: ParticipantFormSet
    evidence: list[tuple[str, list[str]]]  # (sentence, what was read from it)


def intake_view(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    ctx = {
        **model_admin.admin_site.each_context(request),
        "opts": Meeting._meta,
        "title": "Add meetings from an article",
    }
    if request.method == "POST" and "save" in request.POST:
        return save_review(request, ctx)
    if request.method == "POST":
        form = ArticleForm(request.POST, request.FILES)
        if form.is_valid():
            ensure_places()
            article = form.article
            reading = Reader().read(
                article.text, published=article.published_on, title=article.title
            )
            source = SourceReviewForm(
                initial={
                    "text": article.text,
                    "url": article.url,
                    "title": article.title,
                    "publisher": article.publisher,
                    "published_on": article.published_on,
                    "count": len(reading.proposals),
                }
            )
            reviews = [review_for(n, p) for n, p in enumerate(reading.proposals)]
            return render_review(request, ctx, source, reviews, reading)
    else:
        form = ArticleForm()
    ctx |= {"form": form, "media": model_admin.media + form.media}
    return TemplateResponse(request, "admin/meetings/meeting/intake.html", ctx)


def render_review(request, ctx, source, reviews, reading: Reading | None = None):
    media = source.media
    for review in reviews:
        media = media + review.form.media + review.participants.media
    ctx |= {
        "step": "review",
        "source_form": source,
        "reviews": reviews,
        "notes": reading.notes if reading else [],
        "media": media,
    }
    return TemplateResponse(request, "admin/meetings/meeting/intake.html", ctx)


def review_for(n: int, proposal: Proposal) -> Review:
    """The review forms for a proposal, with what it matched in our tables."""
    codes = {p.country for p in proposal.participants if p.country}
    if proposal.venue_country:
        codes.add(proposal.venue_country)
    countries = {c.code: c for c in Country.objects.filter(code__in=codes)}
    participants = []
    evidence: dict[str, list[str]] = {proposal.sentence: ["The meeting"]}
    for person in proposal.participants:
        country = countries.get(person.country)
        participants.append(
            {
                "official": person.official_id,
                "new_name": "" if person.official_id else (person.name or ""),
                "written_as": person.name or "",
                "title": person.title or "",
                "country": country.pk if country else None,
            }
        )
        matched = "in the tracker" if person.official_id else "new official"
        label = person.name or f"unnamed {country.name if country else ''} official"
        evidence.setdefault(person.sentence, []).append(f"{label} ({matched})")
    venue, new_venue = match_venue(proposal, countries)
    occasion = match_occasion(proposal)
    duplicates = services.likely_duplicates(
        countries={c.pk for code, c in countries.items() if code in proposal.countries},
        officials={p.official_id for p in proposal.participants if p.official_id},
        date=proposal.date,
    )
    initial = {
        "include": True,
        "action": f"attach-{duplicates[0].pk}" if duplicates else MeetingReviewForm.NEW,
        "date": proposal.date,
        "date_precision": precision_for(proposal.date_precision),
        "kind": proposal.kind,
        "venue": venue.pk if venue else None,
        "occasion": occasion.pk if occasion else None,
        "new_occasion": "" if occasion or not proposal.occasion else proposal.occasion,
        "topics": [topic_id for topic_id, *_ in proposal.topics],
        "quote": proposal.sentence,
        **new_venue,
    }
    form = MeetingReviewForm(prefix=f"m{n}", initial=initial, duplicates=duplicates)
    formset = ParticipantFormSet(prefix=f"m{n}-p", initial=participants)
    formset.extra = 2  # room to add people the reader missed
    evidence[proposal.sentence] += [
        f"date: “{proposal.date_evidence or 'not stated'}”",
        f"kind: “{proposal.trigger}”",
    ]
    if proposal.venue:
        evidence.setdefault(proposal.venue_evidence, []).append(f"venue: {proposal.venue}")
    if proposal.occasion:
        evidence.setdefault(proposal.occasion_evidence, []).append(f"occasion: {proposal.occasion}")
    for _, name, word, sentence in proposal.topics:
        evidence.setdefault(sentence, []).append(f"topic: {name} (“{word}”)")
    return Review(form, formset, list(evidence.items()))


def precision_for(precision: str | None) -> str:
    return precision if precision in Meeting.Precision.values else Meeting.Precision.DAY


def match_venue(proposal: Proposal, countries: dict[str, Country]) -> tuple[Venue | None, dict]:
    """An existing venue of that name and country, or the fields of a new one."""
    if not proposal.venue:
        return None, {}
    country = countries.get(proposal.venue_country)
    hit = gazetteer().lookup(proposal.venue)
    existing = services.existing_venue(
        proposal.venue, country, hit.latitude if hit else None, hit.longitude if hit else None
    )
    if existing:
        return existing, {}
    return None, {
        "new_venue_name": proposal.venue,
        "new_venue_country": country.pk if country else None,
        "new_venue_latitude": hit.latitude if hit else None,
        "new_venue_longitude": hit.longitude if hit else None,
    }


def match_occasion(proposal: Proposal) -> Occasion | None:
    """An occasion whose name holds the words the article used, held around the meeting."""
    if not proposal.occasion:
        return None
    words = set(fold(proposal.occasion).split()) - {"the", "of"}
    candidates = Occasion.objects.all()
    if proposal.date:
        candidates = candidates.filter(start__year=proposal.date.year)
    for occasion in candidates[:200]:
        if words <= set(fold(occasion.name).split()):
            return occasion
    return None


def save_review(request: HttpRequest, ctx: dict) -> HttpResponse:
    source = SourceReviewForm(request.POST)
    if not source.is_valid():
        messages.error(request, "The review form was incomplete; paste the article again.")
        return redirect("admin:meetings_meeting_intake")
    reviews = []
    for n in range(source.cleaned_data["count"]):
        duplicates = []
        action = request.POST.get(f"m{n}-action", "")
        if action.startswith("attach-") and action[7:].isdigit():
            duplicates = list(Meeting.objects.filter(pk=int(action[7:])))
        form = MeetingReviewForm(request.POST, prefix=f"m{n}", duplicates=duplicates)
        formset = ParticipantFormSet(request.POST, prefix=f"m{n}-p")
        reviews.append(Review(form, formset, []))
    valid = all(r.form.is_valid() & r.participants.is_valid() for r in reviews)
    if valid:
        valid = check_participants(reviews)
    if not valid:
        messages.error(request, "Some values need attention; nothing was saved yet.")
        return render_review(request, ctx, source, reviews)
    data = source.cleaned_data
    inputs = [meeting_input(r) for r in reviews if r.form.cleaned_data["include"]]
    if not inputs:
        messages.warning(request, "No meeting was selected, so nothing was saved.")
        return render_review(request, ctx, source, reviews)
    try:
        article, created, attached = services.create_from_article(
            source=services.SourceInput(
                url=data["url"],
                citation=data["citation"],
                title=data["title"],
                publisher=data["publisher"],
                published_on=data["published_on"],
                text=data["text"],
            ),
            meetings=inputs,
            status=data["status"],
            user=request.user,
        )
    except (ValidationError, DatabaseError) as exc:
        messages.error(request, f"Nothing was saved: {describe(exc)}")
        return render_review(request, ctx, source, reviews)
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        (
            (reverse("admin:meetings_meeting_change", args=[m.pk]), f"#{m.pk} {m}")
            for m in [*created, *attached]
        ),
    )
    messages.success(
        request,
        format_html(
            "Saved {} new meeting(s) and added the article to {} existing one(s): {}",
            len(created),
            len(attached),
            links,
        ),
    )
    return redirect("admin:meetings_meeting_changelist")


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


def meeting_input(review: Review) -> services.MeetingInput:
    data = review.form.cleaned_data
    new_venue = None
    if not data.get("venue") and data.get("new_venue_name"):
        new_venue = services.NewVenue(
            name=data["new_venue_name"],
            country=data["new_venue_country"],
            latitude=data.get("new_venue_latitude"),
            longitude=data.get("new_venue_longitude"),
        )
    participants = [
        services.ParticipantInput(
            official=f.cleaned_data.get("official"),
            new_name=f.cleaned_data.get("new_name", ""),
            written_as=f.cleaned_data.get("written_as", ""),
            title=f.cleaned_data.get("title", ""),
            country=f.cleaned_data["country"],
        )
        for f in review.participants.forms
        if not f.is_blank()
    ]
    return services.MeetingInput(
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
        attach_to=review.form.attach_to(),
    )


def describe(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return "the database refused the data (a duplicate or a missing value); please check it."
