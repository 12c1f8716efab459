"""The filters every meeting list accepts: ?country=in&country=us&venue=..&from=..&q=.."""

from __future__ import annotations

import time
from html import escape  # the plain function: Django's lazy-aware one costs 5 µs a call

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from meetings.models import (
    Country,
    Meeting,
    MeetingQuerySet,
    Occasion,
    Official,
    Participation,
    Topic,
    Venue,
)

MAX_COUNTRIES = 5


class CountryCodesField(forms.Field):
    """Several ?country= values, each an existing code in any case; cleans to Country rows."""

    widget = forms.SelectMultiple

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return [str(v).strip().upper() for v in value if str(v).strip()]

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        if len(value) > MAX_COUNTRIES:
            raise ValidationError(f"Choose at most {MAX_COUNTRIES} countries.")
        malformed = [v for v in value if len(v) not in (2, 4) or not v.isalpha() or not v.isascii()]
        if malformed:
            raise ValidationError(
                "A country is given by its two-letter code (in, us; four letters for a former "
                "country: suhh), not “%(v)s”.",
                params={"v": malformed[0].lower()},
            )

    def clean(self, value) -> list[Country]:
        codes = self.to_python(value)
        self.validate(codes)
        if not codes:
            return []
        found = {c.code: c for c in Country.objects.filter(code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise ValidationError(
                "No country has the code “%(code)s”.", params={"code": unknown[0].lower()}
            )
        return list(dict.fromkeys(found[c] for c in codes))


class CountryCodesFilter(django_filters.Filter):
    field_class = CountryCodesField

    def filter(self, qs: MeetingQuerySet, value: list[Country]) -> QuerySet:
        return qs.involving(*value) if value else qs


class Vocabulary:
    """The options of the filter form's selects (countries, venues, occasions, topics), read
    at most once a minute by each web process instead of on every list page: about 900 rows
    that change when an editor adds a venue or a summit. An edit made through this process is
    seen at once (signals clear the store); one made elsewhere within the minute."""

    TTL = 60.0
    _store: dict[str, tuple[float, list[tuple[str, str]]]] = {}

    @classmethod
    def rows(cls, name: str, read) -> list[tuple[str, str]]:
        """(value, label) rows, both escaped for HTML; read() gives them from the database."""
        now = time.monotonic()
        kept = cls._store.get(name)
        if kept is None or now - kept[0] > cls.TTL:
            rows = [(escape(str(value)), escape(str(label))) for value, label in read()]
            kept = cls._store[name] = (now, rows)
        return kept[1]

    @classmethod
    def forget(cls, *args, **kwargs) -> None:
        cls._store.clear()


class QuickSelect(forms.Select):
    """A select of a slug field whose options are read as (slug, label) rows and written in
    Python: as model instances rendered through templates, the hundreds of venues and
    occasions cost more than the rest of the list page."""

    def __init__(self, *args, label_fields=("name",), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_fields = label_fields

    def options(self) -> list[tuple[str, str]]:
        """(value, label) of every option, escaped."""
        choices = self.choices
        if not isinstance(choices, ModelChoiceIterator):
            return [(escape(str(v)), escape(str(label))) for v, label in choices]
        field = choices.field
        empty = [("", escape(str(field.empty_label)))] if field.empty_label is not None else []
        columns = (field.to_field_name or "pk", *self.label_fields)

        def read():
            for value, *label in field.queryset.values_list(*columns):
                yield value, ", ".join(str(part) for part in label if part)

        name = f"{field.queryset.model._meta.label}:{','.join(columns)}"
        return empty + Vocabulary.rows(name, read)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = escape("" if value is None else str(value))
        parts = [f'<select name="{escape(name)}"{flatatt(attrs)}>']
        for option, label in self.options():
            mark = " selected" if option == chosen else ""
            parts.append(f'<option value="{option}"{mark}>{label}</option>')
        parts.append("</select>")
        return mark_safe("".join(parts))


def all_countries() -> list[tuple[str, str]]:
    """(lower-case code, name) of every country, escaped, by name."""
    return Vocabulary.rows(
        "countries",
        lambda: (
            (code.lower(), name) for code, name in Country.objects.values_list("code", "name")
        ),
    )


def country_options(countries, current: str) -> str:
    """The <option>s of a country select, current (a lower-case code) selected; countries are
    escaped (code, name) rows."""
    current = escape(current)
    return mark_safe(
        "".join(
            f'<option value="{code}"{" selected" if code == current else ""}>{name}</option>'
            for code, name in countries
        )
    )


class SlugChoiceField(forms.ModelChoiceField):
    """A ?venue=kuala-lumpur style parameter: the slug of an existing row, with a plain message."""

    def __init__(self, *args, what: str = "item", **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_choice"] = f"No {what} has the address “%(value)s”."


class SlugFilter(django_filters.ModelChoiceFilter):
    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


def search(qs: MeetingQuerySet, name: str, value: str) -> QuerySet:
    """Words in the title, summary, participants' names, venue, occasion or topics."""
    for word in value.split()[:8]:
        by_people = Participation.objects.filter(
            Q(official__name__icontains=word) | Q(official__aliases__icontains=word)
        ).values("meeting_id")
        by_topic = Meeting.topics.through.objects.filter(topic__name__icontains=word).values(
            "meeting_id"
        )
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(venue__name__icontains=word)
            | Q(occasion__name__icontains=word)
            | Q(pk__in=by_people)
            | Q(pk__in=by_topic)
        )
    return qs


class MeetingFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        return cleaned


class MeetingFilter(django_filters.FilterSet):
    country = CountryCodesFilter(label="Countries")
    venue = SlugFilter(
        queryset=Venue.objects.select_related("country"),
        what="venue",
        label="Venue",
        widget=QuickSelect(label_fields=("name", "country__name")),
    )
    topic = SlugFilter(
        queryset=Topic.objects.all(), what="topic", label="Topic", method="filter_topic"
    )
    official = SlugFilter(
        queryset=Official.objects.all(),
        what="official",
        label="Official",
        method="filter_official",
        widget=forms.TextInput,
    )
    occasion = SlugFilter(queryset=Occasion.objects.all(), what="occasion", label="Occasion")
    kind = django_filters.ChoiceFilter(
        choices=Meeting.Kind.choices, label="Kind", empty_label="Any"
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    q = django_filters.CharFilter(method=search, label="Search", max_length=200)

    class Meta:
        model = Meeting
        fields: list[str] = []
        form = MeetingFilterForm

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name in ("venue", "topic", "occasion"):
            self.filters[name].extra["empty_label"] = "Any"

    def filter_topic(self, qs: MeetingQuerySet, name: str, value: Topic) -> QuerySet:
        return qs.on_topic(value)

    def filter_official(self, qs: MeetingQuerySet, name: str, value: Official) -> QuerySet:
        return qs.with_official(value)

    @property
    def active(self) -> bool:
        """Whether any filter was given, for "clear filters" links and headings."""
        return any(self.data.get(name) for name in self.filters)


# The URL says from= and to=, which cannot be attribute names in the class body.
MeetingFilter.base_filters["from"] = MeetingFilter.base_filters.pop("date_from")
MeetingFilter.base_filters["to"] = MeetingFilter.base_filters.pop("date_to")
