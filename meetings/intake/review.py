"""The review of an article: what the reader read, kept with the page, and shown beside it.

The review page carries what the reader read, signed: each form's initial values (so that a
form's changed_data names the editor's corrections), the words each value was read from, and
the recorded meetings each proposal probably is. From it come the forms again when the page is
posted, the evidence beside each value, the comparison with a recorded meeting and the list of
errors at the top.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from meetings import services
from meetings.intake.forms import (
    MAX_PARTICIPANTS,
    MeetingReviewForm,
    ParticipantFormSet,
    SourceReviewForm,
)
from meetings.intake.places import gazetteer
from meetings.intake.reader import Proposal
from meetings.models import Country, Meeting, Occasion, Participation, Topic
from meetings.presentation import when
from meetings.text import fold

# a review of more meetings than this opens with each one folded to its summary line
OPEN_UP_TO = 5


@dataclass
class Quote:
    """A sentence of the article with the words a value was read from marked: the template
    writes before, <mark>words</mark>, after."""

    before: str
    words: str = ""
    after: str = ""
    note: str = ""  # said instead of a sentence ("the dateline", "the publication date")


@dataclass
class Review:
    """One proposed meeting on the review page: its forms, the evidence beside its values and
    the recorded meetings it probably is."""

    n: int
    form: MeetingReviewForm
    participants: ParticipantFormSet
    reading: dict
    evidence: dict[str, list[Quote]] = field(default_factory=dict)
    rows: list[tuple] = field(default_factory=list)  # (participant form, quotes)
    duplicates: list[dict] = field(default_factory=list)
    open: bool = True
    left_out: bool = False  # "Save this meeting" unchecked: its values are not checked

    @property
    def number(self) -> int:
        return self.n + 1

    @property
    def anchor(self) -> str:
        return f"meeting-{self.number}"

    @property
    def has_errors(self) -> bool:
        return not self.left_out and bool(
            self.form.errors
            or self.participants.non_form_errors()
            or any(f.errors for f in self.participants.forms)
        )

    @property
    def label(self) -> str:
        read = self.reading["read"]
        return " · ".join(x for x in (read["date"], read["people_names"], read["venue"]) if x)


# -- what the reader read, kept with the page --------------------------------------------------


def proposal_reading(proposal: Proposal) -> dict:
    """A proposal as the review page keeps it (JSON): each form's initial values, the words
    each value was read from, and the recorded meetings it probably is."""
    codes = {p.country for p in proposal.participants if p.country}
    if proposal.venue_country:
        codes.add(proposal.venue_country)
    countries = {c.code: c for c in Country.objects.filter(code__in=codes)}
    people = []
    for person in proposal.participants[:MAX_PARTICIPANTS]:
        country = countries.get(person.country)
        people.append(
            {
                "official": person.official_id,
                "new_name": "" if person.official_id else (person.name or ""),
                "title": person.title or "",
                "country": country.pk if country else None,
                # what the template and the save need, and the forms do not show
                "written_as": person.name or "",
                "sentence": person.sentence,
                "country_name": country.name if country else "",
            }
        )
    venue, new_venue, place = match_venue(proposal, countries)
    occasion = match_occasion(proposal)
    duplicates = services.likely_duplicates(
        countries={c.pk for code, c in countries.items() if code in proposal.countries},
        officials={p.official_id for p in proposal.participants if p.official_id},
        date=proposal.date,
    )
    topics = Topic.objects.in_bulk([topic_id for topic_id, *_ in proposal.topics])
    initial = {
        "include": True,
        "action": f"attach-{duplicates[0].pk}" if duplicates else MeetingReviewForm.NEW,
        "date": proposal.date.isoformat() if proposal.date else None,
        "date_precision": precision_for(proposal.date_precision),
        "kind": proposal.kind,
        "venue": venue.pk if venue else None,
        "occasion": occasion.pk if occasion else None,
        "new_occasion": "" if occasion or not proposal.occasion else proposal.occasion,
        "topics": [topic_id for topic_id, *_ in proposal.topics if topic_id in topics],
        "title": "",
        "summary": "",
        "quote": proposal.sentence,
        **new_venue,
    }
    names = [p["written_as"] or f"{p['title']} of {p['country_name']}" for p in people]
    return {
        "initial": initial,
        "people": people,
        "place": place,
        "duplicates": [m.pk for m in duplicates],
        "evidence": {
            "meeting": proposal.sentence,
            "date": [proposal.sentence, proposal.date_evidence],
            "kind": [proposal.sentence, proposal.trigger],
            "venue": [proposal.venue_evidence, proposal.venue or ""],
            "occasion": [proposal.occasion_evidence, proposal.occasion or ""],
            "topics": [[name, word, sentence] for _, name, word, sentence in proposal.topics],
        },
        # the proposal as the reader read it, for the summary line and the comparison
        "read": {
            "date": when_read(proposal),
            "kind": dict(Meeting.Kind.choices).get(proposal.kind, proposal.kind or ""),
            "venue": str(venue) if venue else (proposal.venue or ""),
            "occasion": str(occasion) if occasion else (proposal.occasion or ""),
            "people": [
                person_line(n, p["title"], p["country_name"])
                for n, p in zip(names, people, strict=True)
            ],
            "people_names": ", ".join(names),
            "officials": [p["official"] for p in people if p["official"]],
            "topics": [topics[t].name for t in initial["topics"]],
        },
    }


def person_line(name: str, title: str, country: str) -> str:
    """ "S. Jaishankar (External Affairs Minister, India)" """
    held = ", ".join(x for x in (title, country) if x)
    return f"{name} ({held})" if held else name


def when_read(proposal: Proposal) -> str:
    if proposal.date is None:
        return ""
    read = Meeting(date=proposal.date, date_precision=precision_for(proposal.date_precision))
    return when(read)


def precision_for(precision: str | None) -> str:
    return precision if precision in Meeting.Precision.values else Meeting.Precision.DAY


def match_venue(proposal: Proposal, countries: dict[str, Country]):
    """An existing venue of that name and country; or the fields of a new one, and where the
    gazetteer puts it."""
    if not proposal.venue:
        return None, {}, None
    country = countries.get(proposal.venue_country)
    hit = gazetteer().lookup(proposal.venue)
    place = [hit.latitude, hit.longitude] if hit else None
    existing = services.existing_venue(
        proposal.venue, country, hit.latitude if hit else None, hit.longitude if hit else None
    )
    if existing:
        return existing, {}, None
    fields = {
        "new_venue_name": proposal.venue,
        "new_venue_country": country.pk if country else None,
    }
    return None, fields, place


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


def initial_of(reading: dict) -> dict:
    """The form's initial values from the kept reading (dates back from text)."""
    initial = dict(reading["initial"])
    if initial.get("date"):
        initial["date"] = datetime.date.fromisoformat(initial["date"])
    return initial


def people_initial(reading: dict) -> list[dict]:
    fields = ("official", "new_name", "title", "country")
    return [{name: person[name] for name in fields} for person in reading["people"]]


def duplicates_of(reading: dict) -> list[Meeting]:
    """The recorded meetings the proposal probably is, as they are now (one deleted since the
    article was read is no choice any more)."""
    people = Participation.objects.select_related("official", "country")
    found = (
        Meeting.objects.filter(pk__in=reading["duplicates"])
        .select_related("venue__country", "occasion")
        .prefetch_related(Prefetch("participations", queryset=people), "topics", "meeting_sources")
    )
    by_pk = {m.pk: m for m in found}
    return [by_pk[pk] for pk in reading["duplicates"] if pk in by_pk]


def unbound_review(n: int, reading: dict) -> Review:
    form = MeetingReviewForm(
        prefix=f"m{n}", initial=initial_of(reading), duplicates=duplicates_of(reading)
    )
    formset = ParticipantFormSet(prefix=f"m{n}-p", initial=people_initial(reading))
    formset.extra = 2  # room to add people the reader missed
    return Review(n, form, formset, reading)


def bound_review(n: int, data, reading: dict) -> Review:
    form = MeetingReviewForm(
        data, prefix=f"m{n}", initial=initial_of(reading), duplicates=duplicates_of(reading)
    )
    formset = ParticipantFormSet(data, prefix=f"m{n}-p", initial=people_initial(reading))
    return Review(n, form, formset, reading)


# -- evidence beside each value --------------------------------------------------------------


def quote(sentence: str, words: str = "", note: str = "", width: int = 240) -> Quote:
    """The sentence with words marked, cut at whole words to about width characters around
    them."""
    sentence = " ".join((sentence or "").split())
    at = sentence.casefold().find(words.casefold()) if words else -1
    if at < 0:
        return Quote(shorten(sentence, width, "end"), note=note)
    end = at + len(words)
    room = max(0, width - len(words)) // 2
    before = shorten(sentence[:at], room, "start")
    after = shorten(sentence[end:], room, "end")
    return Quote(before, sentence[at:end], after, note=note)


def shorten(text: str, width: int, side: str) -> str:
    """text cut to about width characters at a space, from its start or its end, with an
    ellipsis where it was cut."""
    if len(text) <= width:
        return text
    if side == "end":
        cut = text[:width].rsplit(" ", 1)[0]
        return cut.rstrip() + "…" if cut else text[:width] + "…"
    cut = text[-width:].split(" ", 1)
    return "…" + (cut[1] if len(cut) > 1 else cut[0]).lstrip()


def quote_of(kept: dict) -> Quote:
    return quote(kept.get("sentence", ""), note=kept.get("note", ""))


def evidence(review: Review) -> None:
    """What each value was read from, for the template to show beside it."""
    kept = review.reading["evidence"]
    shown: dict[str, list[Quote]] = {}
    sentence, words = kept["date"]
    if words == "publication date":
        shown["date"] = [Quote("", note="no date in the text: the publication date")]
    elif words:
        shown["date"] = [quote(sentence, words)]
    sentence, words = kept["kind"]
    if words:
        shown["kind"] = [quote(sentence, words)]
    sentence, words = kept["venue"]
    if sentence.startswith("Dateline: "):
        shown["venue"] = [Quote("", note=f"the dateline, {sentence.removeprefix('Dateline: ')}")]
    elif words:
        shown["venue"] = [quote(sentence, words)]
    sentence, words = kept["occasion"]
    if words:
        shown["occasion"] = [quote(sentence, words)]
    shown["topics"] = [quote(s, w, note=name) for name, w, s in kept["topics"]]
    review.evidence = shown
    people = review.reading["people"]
    review.rows = [
        (
            form,
            [quote(people[i]["sentence"], people[i]["written_as"])]
            if i < len(people) and people[i]["sentence"]
            else [],
        )
        for i, form in enumerate(review.participants.forms)
    ]


def describe_duplicates(reviews: list[Review]) -> None:
    """Each recorded meeting a proposal probably is, beside what the article says: its date,
    kind, venue, occasion, participants, topics and sources, the values that differ marked."""
    for review in reviews:
        read = review.reading["read"]
        review.duplicates = []
        for meeting in review.form.duplicates:
            people = sorted(meeting.participations.all(), key=lambda p: (p.country.name, p.pk))
            theirs = {
                "date": when(meeting),
                "kind": meeting.get_kind_display(),
                "venue": str(meeting.venue) if meeting.venue else "",
                "occasion": str(meeting.occasion) if meeting.occasion else "",
                "people": [
                    person_line(p.official.name, p.title, p.country.name)
                    if p.official_id
                    else person_line(p.title, "", p.country.name)
                    for p in people
                ],
                "topics": sorted(t.name for t in meeting.topics.all()),
            }
            rows = [
                ("Date", read["date"], theirs["date"]),
                ("Kind", read["kind"], theirs["kind"]),
                ("Venue", read["venue"], theirs["venue"]),
                ("Occasion", read["occasion"], theirs["occasion"]),
                ("Participants", read["people"], theirs["people"]),
                ("Topics", sorted(read["topics"]), theirs["topics"]),
            ]
            review.duplicates.append(
                {
                    "meeting": meeting,
                    "rows": [
                        {
                            "label": label,
                            "ours": lines(ours),
                            "theirs": lines(them),
                            "differs": ours != them,
                        }
                        for label, ours, them in rows
                    ],
                    "sources": len(meeting.meeting_sources.all()),
                }
            )


def lines(value) -> list[str]:
    """A value of the comparison as the lines of its cell."""
    if isinstance(value, list):
        return value
    return [value] if value else []


def error_links(source: SourceReviewForm, reviews: list[Review]) -> list[dict]:
    """Every error on the page, in page order, with the address of the field it is about."""
    links = []
    if source.is_bound:
        for bound in source:
            for message in bound.errors:
                links.append({"href": bound.auto_id, "where": bound.label, "message": message})
    for review in reviews:
        if not review.form.is_bound or review.left_out:
            continue
        where = f"Meeting {review.number}"
        for message in review.form.non_field_errors():
            links.append({"href": f"{review.anchor}-errors", "where": where, "message": message})
        for bound in review.form:
            for message in bound.errors:
                links.append(
                    {"href": bound.auto_id, "where": f"{where}, {bound.label}", "message": message}
                )
        for message in review.participants.non_form_errors():
            links.append({"href": f"{review.anchor}-people", "where": where, "message": message})
        for i, person in enumerate(review.participants.forms, start=1):
            for bound in person:
                for message in bound.errors:
                    links.append(
                        {
                            "href": bound.auto_id,
                            "where": f"{where}, participant {i}",
                            "message": message,
                        }
                    )
    return links
