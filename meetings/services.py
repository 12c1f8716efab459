"""Every write that touches several rows, each in one services.writing() transaction.

Forms, admin actions and commands call these functions (the admin's own forms run inside
writing() too); meetings.derived brings the derived rows of the meetings they changed up to date
before the transaction commits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from meetings import history, rules
from meetings.derived import writing
from meetings.models import (
    Country,
    Meeting,
    MeetingCountry,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Topic,
    Venue,
    split_lines,
)
from meetings.text import fold


@dataclass
class SourceInput:
    url: str = ""
    citation: str = ""
    title: str = ""
    publisher: str = ""
    published_on: datetime.date | None = None
    text: str = ""


@dataclass
class ParticipantInput:
    """An official at a proposed meeting: an existing one, or a new one to create."""

    official: Official | None
    new_name: str
    written_as: str
    title: str
    country: Country


@dataclass
class NewVenue:
    name: str
    country: Country
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class MeetingInput:
    date: datetime.date
    date_precision: str
    kind: str
    participants: list[ParticipantInput]
    venue: Venue | None = None
    new_venue: NewVenue | None = None
    occasion: Occasion | None = None
    new_occasion: str = ""
    topics: list[Topic] = field(default_factory=list)
    title: str = ""
    summary: str = ""
    quote: str = ""
    attach_to: Meeting | None = None


def source_for(data: SourceInput) -> Source:
    """The article as a Source: the existing row for its URL, or a new one."""
    if data.url:
        source = Source.objects.filter(url=data.url).first()
        if source is not None:
            return source
    citation = data.citation
    if not data.url and not citation:
        citation = data.title or f"Article pasted on {datetime.date.today():%d %b %Y}"
    source = Source(
        url=data.url,
        citation=citation[:300],
        title=data.title[:300],
        publisher=data.publisher[:200],
        published_on=data.published_on,
        text=data.text,
    )
    source.full_clean()
    source.save()
    return source


def learn_alias(official: Official, written_as: str) -> None:
    """The name as the article wrote it becomes an alias of the official it was matched to."""
    written_as = " ".join(written_as.split())
    if not written_as:
        return
    known = {fold(official.name), *(fold(a) for a in split_lines(official.aliases))}
    if fold(written_as) not in known:
        official.aliases = "\n".join([*split_lines(official.aliases), written_as])
        official.save(update_fields=["aliases"])


def official_for(participant: ParticipantInput, created: dict[str, Official]) -> Official:
    if participant.official is not None:
        learn_alias(participant.official, participant.written_as)
        return participant.official
    key = fold(participant.new_name)
    if key not in created:
        official = Official.objects.create(name=participant.new_name, country=participant.country)
        if participant.title:
            # A term whose dates the article does not give: the editor can date it later.
            Position.objects.create(
                official=official, title=participant.title, country=participant.country
            )
        created[key] = official
    return created[key]


def publish(meetings: QuerySet, *, user: AbstractBaseUser | None) -> tuple[int, int]:
    """Publish the drafts among meetings that the rules allow (a participant and a source), each
    recorded in the change history; returns (published, left as drafts)."""
    with writing():
        counted = meetings.annotate(
            n_people=Count("participations", distinct=True),
            n_sources=Count("meeting_sources", distinct=True),
        ).values_list("pk", "status", "n_people", "n_sources")
        ready, refused = [], 0
        for pk, status, people, sources in counted:
            if rules.meeting_problems(
                status=Meeting.Status.PUBLISHED, participants=people, sources=sources
            ):
                refused += 1
            elif status != Meeting.Status.PUBLISHED:
                ready.append(pk)
        return _set_status(ready, Meeting.Status.PUBLISHED, user, "Published."), refused


def unpublish(meetings: QuerySet, *, user: AbstractBaseUser | None) -> int:
    """Return the published meetings among these to draft, each recorded in the change history;
    returns how many."""
    with writing():
        ids = list(meetings.published().values_list("pk", flat=True))
        return _set_status(ids, Meeting.Status.DRAFT, user, "Returned to draft.")


def _set_status(ids: list[int], status: str, user: AbstractBaseUser | None, message: str) -> int:
    done = Meeting.objects.filter(pk__in=ids).update(status=status, updated_by=user)
    changed = Meeting.objects.filter(pk__in=ids).prefetch_related(
        "participations__official", "participations__country"
    )
    history.record(user, [(meeting, history.CHANGE, message) for meeting in changed])
    return done


def create_from_article(
    *,
    source: SourceInput,
    meetings: list[MeetingInput],
    status: str,
    user: AbstractBaseUser | None,
) -> tuple[Source, list[Meeting], list[Meeting]]:
    """Save an article's meetings, all or nothing: the source, new officials, venues and
    occasions, the meetings with their participants and topics, and links to existing meetings
    the article also reports. Returns (source, created meetings, meetings it was attached to)."""
    with writing():
        return _create_from_article(source, meetings, status, user)


def _create_from_article(source, meetings, status, user):
    article = source_for(source)
    new_officials: dict[str, Official] = {}
    new_venues: dict[tuple[str, int], Venue] = {}
    new_occasions: dict[str, Occasion] = {}
    created, attached = [], []
    for item in meetings:
        if item.attach_to is not None:
            MeetingSource.objects.get_or_create(
                meeting=item.attach_to, source=article, defaults={"quote": item.quote}
            )
            attached.append(item.attach_to)
            continue
        venue = item.venue
        if venue is None and item.new_venue is not None:
            key = (fold(item.new_venue.name), item.new_venue.country.pk)
            venue = new_venues.get(key) or existing_venue(
                item.new_venue.name,
                item.new_venue.country,
                item.new_venue.latitude,
                item.new_venue.longitude,
            )
            if venue is None:
                venue = Venue.objects.create(
                    name=item.new_venue.name,
                    country=item.new_venue.country,
                    latitude=item.new_venue.latitude,
                    longitude=item.new_venue.longitude,
                )
            new_venues[key] = venue
        occasion = item.occasion
        if occasion is None and item.new_occasion:
            occasion = new_occasions.get(fold(item.new_occasion))
            if occasion is None:
                occasion = Occasion.objects.create(name=item.new_occasion, venue=venue)
                new_occasions[fold(item.new_occasion)] = occasion
        meeting = Meeting(
            date=item.date,
            date_precision=item.date_precision,
            kind=item.kind,
            venue=venue,
            occasion=occasion,
            title=item.title,
            summary=item.summary,
            status=status,
            created_by=user,
            updated_by=user,
        )
        meeting.full_clean(exclude=["topics", "sources", "countries"])
        meeting.save()
        for participant in item.participants:
            Participation.objects.create(
                meeting=meeting,
                official=official_for(participant, new_officials),
                title=participant.title,
                country=participant.country,
            )
        meeting.topics.set(item.topics)
        MeetingSource.objects.create(meeting=meeting, source=article, quote=item.quote)
        created.append(meeting)
    return article, created, attached


def existing_venue(
    name: str, country: Country | None, latitude: float | None, longitude: float | None
) -> Venue | None:
    """A venue already recorded for this place: the same name ("Washington" for "Washington,
    D.C." too), or within about 20 km in the same country."""
    if country is None:
        return None
    venues = list(Venue.objects.filter(country=country).only("name", "latitude", "longitude"))
    wanted = fold(name)
    for venue in venues:
        if fold(venue.name) == wanted or fold(venue.name).split(",")[0].strip() == wanted:
            return venue
    if latitude is None or longitude is None:
        return None
    for venue in venues:
        # a degree is about 111 km; within 0.2 degrees is the same city
        if (
            venue.latitude is not None
            and venue.longitude is not None
            and (venue.latitude - latitude) ** 2 + (venue.longitude - longitude) ** 2 < 0.04
        ):
            return venue
    return None


def likely_duplicates(
    *, countries: set[int], officials: set[int], date: datetime.date | None, days: int = 2
) -> list[Meeting]:
    """Meetings probably already recorded: the same set of countries within two days, or the
    same officials (at least two of them) within two days."""
    if date is None or (not countries and not officials):
        return []
    window = Meeting.objects.filter(
        date__gte=date - datetime.timedelta(days=days),
        date__lte=date + datetime.timedelta(days=days),
    )
    near = window.filter(
        Q(pk__in=MeetingCountry.objects.filter(country_id__in=countries).values("meeting_id"))
        | Q(pk__in=Participation.objects.filter(official_id__in=officials).values("meeting_id"))
    ).prefetch_related("participations__official", "participations__country")
    found = []
    for meeting in near.order_by("-date")[:100]:
        theirs = {p.country_id for p in meeting.participations.all()}
        people = {p.official_id for p in meeting.participations.all()}
        if (countries and theirs == countries) or (len(officials) >= 2 and officials <= people):
            found.append(meeting)
    return found[:5]
