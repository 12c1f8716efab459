"""Every write that touches several rows, each in one services.writing() transaction.

Forms, admin actions and commands call these functions (the admin's own forms run inside
writing() too); meetings.derived brings the derived rows of the meetings they changed up to date
before the transaction commits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

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
    offline: bool = False  # a print or offline source, found by its citation


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
    corrections: Corrections | None = None  # with attach_to: what to change in that meeting


@dataclass
class Corrections:
    """What an editor changed on the review of an article's meeting that is already recorded:
    made to the recorded meeting, whose other values stay as they are."""

    fields: dict[str, object] = field(default_factory=dict)  # date, kind, title... -> value
    venue: bool = False  # the MeetingInput's venue (or new_venue) replaces the recorded one
    occasion: bool = False  # likewise its occasion (or new_occasion)
    topics_added: list[Topic] = field(default_factory=list)
    topics_removed: list[Topic] = field(default_factory=list)
    people_added: list[ParticipantInput] = field(default_factory=list)  # or title, country
    people_removed: list[Official] = field(default_factory=list)


@dataclass
class Attached:
    """A recorded meeting the article was added to, and what was changed in it."""

    meeting: Meeting
    changes: list[str]


class EditConflict(Exception):
    """The meeting changed since the editor's form was opened; current is it as saved now."""

    def __init__(self, current: Meeting):
        super().__init__(f"meeting {current.pk} changed since the form was opened")
        self.current = current


def edit_token(meeting: Meeting) -> str:
    """What a form carries to say which version of the meeting it was opened on: the time of
    its last change (every writer sets it: a form's save, publish and unpublish, the importer,
    an article added as a source)."""
    return meeting.updated_at.isoformat() if meeting.updated_at else ""


def lock_for_edit(*, meeting_id: int, seen: str) -> Meeting:
    """Lock the meeting's row until the transaction ends, so that no other write comes between
    this check and the save; EditConflict when it changed since the form saw it (seen: its
    edit_token then). Runs inside writing()."""
    current = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .get(pk=meeting_id)
    )
    if edit_token(current) != seen:
        raise EditConflict(current)
    return current


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
        offline=data.offline,
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


def publish(meetings: QuerySet, *, user: AbstractBaseUser | None) -> tuple[int, int]:
    """Publish the drafts among meetings that the rules allow (a participant and a source), each
    recorded in the change history; returns (published, left as drafts)."""
    with writing():
        counted = meetings.annotate(
            n_people=Count("participations", distinct=True),
            n_sources=Count("meeting_sources", distinct=True),
            n_checkable=Count(
                "meeting_sources",
                distinct=True,
                filter=rules.checkable_sources("meeting_sources__source__"),
            ),
        ).values_list("pk", "status", "n_people", "n_sources", "n_checkable")
        ready, refused = [], 0
        for pk, status, people, sources, checkable in counted:
            if rules.meeting_problems(
                status=Meeting.Status.PUBLISHED,
                participants=people,
                sources=sources,
                checkable=checkable,
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
    done = Meeting.objects.filter(pk__in=ids).update(
        status=status, updated_by=user, updated_at=timezone.now()
    )
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
) -> tuple[Source, list[Meeting], list[Attached]]:
    """Save an article's meetings, all or nothing: the source, new officials, venues and
    occasions, the meetings with their participants and topics, and the article added to
    recorded meetings it also reports, with the editor's corrections made to them. Every row
    added or changed is recorded in the change history. Returns (source, created meetings,
    recorded meetings the article was added to)."""
    with writing():
        return ArticleWriter(user).write(source, meetings, status)


class ArticleWriter:
    """One article's save: the rows it creates once (officials, venues, occasions by name)
    and what the change history will say."""

    def __init__(self, user: AbstractBaseUser | None):
        self.user = user
        self.officials: dict[str, Official] = {}
        self.venues: dict[tuple[str, int], Venue] = {}
        self.occasions: dict[str, Occasion] = {}
        self.log: list[tuple] = []  # (object, action, message)

    def write(self, data: SourceInput, meetings: list[MeetingInput], status: str):
        known = bool(data.url) and Source.objects.filter(url=data.url).exists()
        article = source_for(data)
        if not known:
            self.log.append((article, history.ADDITION, "Added from an article."))
        created, attached = [], []
        for item in meetings:
            if item.attach_to is not None:
                attached.append(self.attach(item, article))
            else:
                created.append(self.create(item, article, status))
        history.record(self.user, self.log)
        return article, created, attached

    def create(self, item: MeetingInput, article: Source, status: str) -> Meeting:
        problems = rules.meeting_problems(
            status=status,
            participants=len(item.participants),
            sources=1,
            checkable=int(article.checkable),
        )
        if problems:
            raise ValidationError(problems)
        venue = self.venue_for(item)
        meeting = Meeting(
            date=item.date,
            date_precision=item.date_precision,
            kind=item.kind,
            venue=venue,
            occasion=self.occasion_for(item, venue),
            title=item.title,
            summary=item.summary,
            status=status,
            created_by=self.user,
            updated_by=self.user,
        )
        meeting.full_clean(exclude=["topics", "sources", "countries"])
        meeting.save()
        for participant in item.participants:
            Participation.objects.create(
                meeting=meeting,
                official=self.official_for(participant),
                title=participant.title,
                country=participant.country,
            )
        meeting.topics.set(item.topics)
        MeetingSource.objects.create(meeting=meeting, source=article, quote=item.quote)
        self.log.append((meeting, history.ADDITION, f"Added from an article: “{article}”."))
        return meeting

    def attach(self, item: MeetingInput, article: Source) -> Attached:
        meeting = Meeting.objects.select_for_update().get(pk=item.attach_to.pk)
        changes = self.correct(meeting, item.corrections or Corrections(), item)
        _, added = MeetingSource.objects.get_or_create(
            meeting=meeting, source=article, defaults={"quote": item.quote}
        )
        said = [f"Added the source “{article}” from an article."] if added else []
        if added and not changes:  # a new source: a form opened on the meeting before is stale
            Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
        if changes:
            said.append("Changed " + "; ".join(changes) + ".")
        if said:
            self.log.append((meeting, history.CHANGE, " ".join(said)))
        return Attached(meeting, changes)

    def correct(self, meeting: Meeting, fix: Corrections, item: MeetingInput) -> list[str]:
        """Make the corrections to the recorded meeting; returns what changed, in words."""
        changes = []
        for name, value in fix.fields.items():
            if getattr(meeting, name) != value:
                before = shown(meeting, name)
                setattr(meeting, name, value)
                changes.append(f"{LABELS.get(name, name)} from {before} to {shown(meeting, name)}")
        if fix.venue and (venue := self.venue_for(item)) != meeting.venue:
            changes.append(f"venue from {meeting.venue or 'none'} to {venue or 'none'}")
            meeting.venue = venue
        if (
            fix.occasion
            and (occasion := self.occasion_for(item, meeting.venue)) != meeting.occasion
        ):
            changes.append(f"occasion from {meeting.occasion or 'none'} to {occasion or 'none'}")
            meeting.occasion = occasion
        had = set(meeting.topics.all())
        added = [t for t in fix.topics_added if t not in had]
        removed = [t for t in fix.topics_removed if t in had]
        if added:
            meeting.topics.add(*added)
            changes.append("topics: added " + ", ".join(t.name for t in added))
        if removed:
            meeting.topics.remove(*removed)
            changes.append("topics: removed " + ", ".join(t.name for t in removed))
        changes += self.correct_people(meeting, fix)
        if not changes:
            return changes
        if not meeting.participations.exists():
            raise ValidationError(f"Meeting #{meeting.pk}: {rules.NO_PARTICIPANT}")
        meeting.updated_by = self.user
        meeting.full_clean(exclude=["topics", "sources", "countries"])
        meeting.save()
        return changes

    def correct_people(self, meeting: Meeting, fix: Corrections) -> list[str]:
        changes = []
        for official in fix.people_removed:
            if meeting.participations.filter(official=official).delete()[0]:
                changes.append(f"participant {official} removed")
        for person in fix.people_added:
            official = self.official_for(person)
            there = meeting.participations.filter(official=official).first()
            if there is None:
                Participation.objects.create(
                    meeting=meeting, official=official, title=person.title, country=person.country
                )
                changes.append(f"participant {official} added")
                continue
            title = person.title or there.title
            if (title, person.country.pk) != (there.title, there.country_id):
                changes.append(
                    f"{official} from {there.title or 'no title'}, {there.country} to "
                    f"{title or 'no title'}, {person.country}"
                )
                there.title, there.country = title, person.country
                there.save(update_fields=["title", "country"])
        return changes

    def official_for(self, participant: ParticipantInput) -> Official:
        if participant.official is not None:
            learn_alias(participant.official, participant.written_as)
            return participant.official
        key = fold(participant.new_name)
        if key not in self.officials:
            official = Official.objects.create(
                name=participant.new_name, country=participant.country
            )
            if participant.title:
                # A term whose dates the article does not give: the editor can date it later.
                Position.objects.create(
                    official=official, title=participant.title, country=participant.country
                )
            self.officials[key] = official
            self.log.append((official, history.ADDITION, "Added from an article."))
        return self.officials[key]

    def venue_for(self, item: MeetingInput) -> Venue | None:
        if item.venue is not None or item.new_venue is None:
            return item.venue
        new = item.new_venue
        key = (fold(new.name), new.country.pk)
        if key not in self.venues:
            venue = existing_venue(new.name, new.country, new.latitude, new.longitude)
            if venue is None:
                venue = Venue.objects.create(
                    name=new.name,
                    country=new.country,
                    latitude=new.latitude,
                    longitude=new.longitude,
                )
                self.log.append((venue, history.ADDITION, "Added from an article."))
            self.venues[key] = venue
        return self.venues[key]

    def occasion_for(self, item: MeetingInput, venue: Venue | None) -> Occasion | None:
        if item.occasion is not None or not item.new_occasion:
            return item.occasion
        key = fold(item.new_occasion)
        if key not in self.occasions:
            occasion = Occasion.objects.create(name=item.new_occasion, venue=venue)
            self.log.append((occasion, history.ADDITION, "Added from an article."))
            self.occasions[key] = occasion
        return self.occasions[key]


LABELS = {"date_precision": "precision"}


def shown(meeting: Meeting, name: str) -> str:
    """A meeting's value as the change history words it."""
    value = getattr(meeting, name)
    if name == "date":
        return f"{value:%d %b %Y}"
    if name in ("kind", "date_precision"):
        return getattr(meeting, f"get_{name}_display")()
    return f"“{value}”" if value else "nothing"


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
