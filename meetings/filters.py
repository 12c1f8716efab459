"""The query string of every meeting list, timeline and export, read into a Selection.

    ?country=in&country=United States&official=Jaishankar&topic=trade&from=2025-01-01&q=tariffs

Countries, officials, topics, venues and occasions are given by name or by address (a slug; a
country's code): `MeetingFilter(request.GET).qs` is the Selection, or None when a value cannot
be read, with the form's messages saying why.
"""

from __future__ import annotations

import copy
import functools

import django_filters
from django import forms
from django.core.exceptions import ValidationError

from meetings.models import Meeting, Subject
from meetings.read import names
from meetings.read.selection import Selection

Kind = Subject.Kind
MAX_COUNTRIES = 5


class CountryNamesField(forms.Field):
    """Several ?country= values, each a code or a name in any case."""

    widget = forms.SelectMultiple  # reads every value of the parameter

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return [" ".join(str(v).split()) for v in value if str(v).strip()]

    def clean(self, value) -> list[names.CountryName]:
        texts = self.to_python(value)
        if any("\x00" in text for text in texts):
            raise ValidationError("A country's name or code has no null characters.")
        if len(texts) > MAX_COUNTRIES:
            raise ValidationError(f"Choose at most {MAX_COUNTRIES} countries.")
        try:
            found = names.resolve_countries([text[:100] for text in texts])
        except names.Unresolved as exc:
            raise ValidationError(str(exc)) from None
        return list({c.pk: c for c in found}.values())


class NameField(forms.CharField):
    """An official, topic, venue or occasion with published meetings, by name or address."""

    def __init__(self, *args, kind: str, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.kind = kind

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        try:
            return names.resolve(self.kind, text)
        except names.Unresolved as exc:
            raise ValidationError(str(exc)) from None


class DayField(forms.DateField):
    """A day as 2025-10-28; a value that is not one is named in the message, since a date
    input cannot show back what it could not read."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            shown = " ".join(str(value).split())[:40]
            raise ValidationError(f"“{shown}” is not a date: write it as 2025-10-28.") from None


class MeetingFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        return cleaned


class SelectionFilter(django_filters.Filter):
    """A filter that narrows the selection: its value becomes the selection's `attribute`."""

    def __init__(self, *args, attribute: str, field_class=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.attribute = attribute
        if field_class is not None:
            self.field_class = field_class

    def __deepcopy__(self, memo) -> SelectionFilter:
        # a FilterSet deep-copies its filters for every request (a third of a millisecond);
        # these keep nothing of a request but the model and FilterSet it sets on the copy
        return copy.copy(self)

    def filter(self, selection: Selection, value) -> Selection:
        if value in (None, "", [], ()):
            return selection
        if isinstance(value, list):
            value = tuple(value)
        return selection.replace(**{self.attribute: value})


class CountriesFilter(SelectionFilter):
    field_class = CountryNamesField


class NameFilter(SelectionFilter):
    field_class = NameField

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, attribute=kind, kind=kind, **kwargs)


class MeetingFilter(django_filters.FilterSet):
    country = CountriesFilter(label="Countries", attribute="countries")
    official = NameFilter(kind=Kind.OFFICIAL, label="Official")
    topic = NameFilter(kind=Kind.TOPIC, label="Topic")
    venue = NameFilter(kind=Kind.VENUE, label="Venue")
    occasion = NameFilter(kind=Kind.OCCASION, label="Occasion")
    kind = SelectionFilter(
        attribute="kind",
        field_class=forms.ChoiceField,
        choices=[("", "Any"), *Meeting.Kind.choices],
        label="Kind",
    )
    date_from = SelectionFilter(attribute="start", field_class=DayField, label="From")
    date_to = SelectionFilter(attribute="end", field_class=DayField, label="To")
    q = SelectionFilter(
        attribute="words", field_class=forms.CharField, max_length=200, label="Search"
    )

    class Meta:
        model = Meeting
        fields: list[str] = []
        form = MeetingFilterForm

    def __init__(self, data=None, **kwargs):
        if data is not None and "issue" in data and "topic" not in data:
            # addresses from when topics were called issues
            data = data.copy()
            data.setlist("topic", data.pop("issue"))
        super().__init__(data or None, queryset=Meeting.objects.none(), **kwargs)

    def get_form_class(self):
        """The form's class, made once: django-filter makes a class, and a field per filter,
        for every request."""
        return _form_class(type(self))

    @property
    def qs(self) -> Selection | None:
        """The selection the query string asks for; None when a value cannot be read."""
        if not hasattr(self, "_selection"):
            if not self.is_bound:
                self._selection = Selection()
            elif not self.form.is_valid():
                self._selection = None
            else:
                self._selection = self.filter_queryset(Selection())
        return self._selection

    def filter_queryset(self, selection: Selection) -> Selection:
        for name, value in self.form.cleaned_data.items():
            selection = self.filters[name].filter(selection, value)
        return selection

    @property
    def active(self) -> bool:
        """Whether any filter was given, for "clear filters" links and headings."""
        return self.is_bound and any(self.data.get(name) for name in self.filters)

    def shown(self, name: str) -> str:
        """What the form's box for a name shows: the name found, or the text as typed."""
        if self.is_bound and self.form.is_valid():
            value = self.form.cleaned_data.get(name)
            return getattr(value, "name", "") if value is not None else ""
        return self.data.get(name, "") if self.is_bound else ""

    def countries_shown(self) -> list[str]:
        """The country boxes: the countries found (or as typed), and room for a pair."""
        if self.is_bound and self.form.is_valid():
            shown = [c.name for c in self.form.cleaned_data.get("country") or ()]
        else:
            shown = self.data.getlist("country") if self.is_bound else []
        return shown + [""] * max(0, 2 - len(shown))


@functools.cache
def _form_class(filterset: type[MeetingFilter]) -> type[forms.Form]:
    # each filter copied, so that the filters a request copies do not carry the fields along
    fields = {name: copy.copy(f).field for name, f in filterset.base_filters.items()}
    return type(f"{filterset.__name__}Form", (filterset._meta.form,), fields)


# The URL says from= and to=, which cannot be attribute names in the class body.
MeetingFilter.base_filters["from"] = MeetingFilter.base_filters.pop("date_from")
MeetingFilter.base_filters["to"] = MeetingFilter.base_filters.pop("date_to")
