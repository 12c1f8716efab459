"""The "add from article" forms: the article, then one review form per proposed meeting."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core import signing

from meetings import rules
from meetings.intake.fetch import FetchError, fetch_url
from meetings.intake.html import MAX_BYTES, ArticleError, clean_text, read_html
from meetings.models import (
    SUMMARY_MAX,
    Country,
    Meeting,
    Occasion,
    Official,
    Participation,
    Topic,
    Venue,
)
from meetings.staff_input import AutocompleteSelectIds, AutocompleteSelectMultipleIds

# A review page holds at most this many meetings (a round-up of 50 is saved in one go; the
# reader's proposals beyond are left out with a note) and this many rows of participants per
# meeting: settings.DATA_UPLOAD_MAX_NUMBER_FIELDS has room for such a page.
MAX_MEETINGS = 50
MAX_PARTICIPANTS = 30
READING_SALT = "meetings.intake.reading"


@dataclass
class Article:
    text: str
    url: str
    title: str
    publisher: str
    published_on: datetime.date | None


def autocomplete(model, field: str, *, multiple: bool = False):
    widget = AutocompleteSelectMultipleIds if multiple else AutocompleteSelectIds
    return widget(model._meta.get_field(field), admin.site)


class ArticleForm(forms.Form):
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        label="Article text",
        help_text="Paste the article or readout as text; HTML is cleaned.",
    )
    page = forms.FileField(
        required=False,
        label="…or a saved web page",
        help_text="An .html file saved from the browser (5 MB at most).",
    )
    url = forms.URLField(
        required=False,
        max_length=500,
        label="URL",
        assume_scheme="https",
        help_text="Where the article was published; kept as the citation.",
    )
    fetch = forms.BooleanField(required=False, label="Fetch the page from this URL")
    title = forms.CharField(required=False, max_length=300)
    publisher = forms.CharField(required=False, max_length=200)
    published_on = forms.DateField(
        required=False,
        label="Published on",
        help_text="YYYY-MM-DD. Relative dates (“on Monday”) are read against it.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not getattr(settings, "INTAKE_ALLOW_FETCH", False):
            del self.fields["fetch"]

    def clean(self):
        cleaned = super().clean()
        text, page, url = cleaned.get("text") or "", cleaned.get("page"), cleaned.get("url") or ""
        found = None
        if self.has_error("text") or self.has_error("page"):
            return cleaned
        try:
            if page is not None:
                field = "page"
                if page.size > MAX_BYTES:
                    raise ArticleError("The file is larger than 5 MB.")
                found = read_html(page.read())
            elif cleaned.get("fetch") and url:
                field = "url"
                found = read_html(fetch_url(url))
            elif text.strip():
                field = "text"
                text = clean_text(text)
            else:
                raise forms.ValidationError(
                    "Paste the article's text, or upload the saved page."
                    + (" You can also give a URL to fetch." if "fetch" in self.fields else "")
                )
        except (ArticleError, FetchError) as exc:
            self.add_error(field, exc.message)
            return cleaned
        self.article = Article(
            text=found.text if found else text,
            url=url or (found.url if found else ""),
            title=cleaned.get("title") or (found.title if found else ""),
            publisher=cleaned.get("publisher") or (found.publisher if found else ""),
            published_on=cleaned.get("published_on") or (found.published_on if found else None),
        )
        return cleaned


class SourceReviewForm(forms.Form):
    """The article as it will be saved, whether its meetings are published, and what the reader
    read (signed: the proposals each form started from, and their evidence)."""

    text = forms.CharField(widget=forms.HiddenInput, required=False)
    reading = forms.CharField(widget=forms.HiddenInput)
    url = forms.URLField(required=False, max_length=500, label="URL", assume_scheme="https")
    citation = forms.CharField(
        required=False, max_length=300, help_text="For an article without a URL."
    )
    offline = forms.BooleanField(
        required=False,
        label="Print or offline source",
        help_text="It has no URL; the citation says where a reader finds it.",
    )
    title = forms.CharField(required=False, max_length=300)
    publisher = forms.CharField(required=False, max_length=200)
    published_on = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    status = forms.ChoiceField(
        choices=[(Meeting.Status.DRAFT, "Save as drafts"), (Meeting.Status.PUBLISHED, "Publish")],
        initial=Meeting.Status.DRAFT,
        label="Save the meetings",
    )
    count = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_MEETINGS)

    def check_source(self, cleaned: dict) -> None:
        """A print source has its citation and no URL; publishing needs one or the other."""
        url, citation = cleaned.get("url") or "", cleaned.get("citation") or ""
        offline = bool(cleaned.get("offline"))
        if self.has_error("url") or self.has_error("citation"):
            return
        if offline:
            problem = rules.source_problem(url=url, citation=citation, offline=offline)
            if problem:
                self.add_error("url" if url else "citation", problem)
                return
        checkable = rules.checkable(url=url, citation=citation, offline=offline)
        if cleaned.get("status") == Meeting.Status.PUBLISHED and not checkable:
            self.add_error("status", rules.UNCHECKABLE_SOURCES)

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text.encode()) > MAX_BYTES:
            raise forms.ValidationError("The text is larger than 5 MB.")
        return text

    def clean_reading(self):
        try:
            reading = signing.loads(self.cleaned_data["reading"], salt=READING_SALT)
        except signing.BadSignature:
            raise forms.ValidationError("The review form was altered.") from None
        if not isinstance(reading, dict) or not isinstance(reading.get("meetings"), list):
            raise forms.ValidationError("The review form was altered.")
        return reading

    def clean(self):
        cleaned = super().clean()
        self.check_source(cleaned)
        reading = cleaned.get("reading")
        if reading is not None and cleaned.get("count") != len(reading["meetings"]):
            raise forms.ValidationError("The review form is incomplete.")
        return cleaned


def sign_reading(reading: dict) -> str:
    return signing.dumps(reading, salt=READING_SALT, compress=True)


class MeetingReviewForm(forms.Form):
    """One proposed meeting; what the reader found is the initial value of each field, so that
    changed_data names the editor's corrections."""

    NEW = "new"

    include = forms.BooleanField(required=False, initial=True, label="Save this meeting")
    action = forms.ChoiceField(
        choices=[(NEW, "Create a new meeting")], label="Record it as", widget=forms.RadioSelect
    )
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    date_precision = forms.ChoiceField(choices=Meeting.Precision.choices, label="Precision")
    kind = forms.ChoiceField(choices=Meeting.Kind.choices)
    venue = forms.ModelChoiceField(
        Venue.objects.all(), required=False, widget=autocomplete(Meeting, "venue")
    )
    new_venue_name = forms.CharField(required=False, max_length=200, label="or a new venue")
    new_venue_country = forms.ModelChoiceField(
        Country.objects.all(),
        required=False,
        widget=autocomplete(Venue, "country"),
        label="in country",
    )
    occasion = forms.ModelChoiceField(
        Occasion.objects.all(), required=False, widget=autocomplete(Meeting, "occasion")
    )
    new_occasion = forms.CharField(required=False, max_length=200, label="or a new occasion")
    topics = forms.ModelMultipleChoiceField(
        Topic.objects.all(),
        required=False,
        widget=autocomplete(Meeting, "topics", multiple=True),
        label="Topics",
    )
    title = forms.CharField(required=False, max_length=200)
    summary = forms.CharField(
        required=False, max_length=SUMMARY_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    quote = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The sentence that reports it, kept with the source.",
    )

    # the fields whose change, on a meeting found already recorded, is made to that meeting
    CORRECTABLE = ("date", "date_precision", "kind", "title", "summary")
    VENUE = ("venue", "new_venue_name", "new_venue_country")
    OCCASION = ("occasion", "new_occasion")

    def __init__(self, *args, duplicates: list[Meeting] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = list(duplicates)
        self.fields["action"].choices = [(self.NEW, "Create a new meeting")] + [
            (f"attach-{m.pk}", f"Add the article to meeting #{m.pk}, with the changes made here")
            for m in self.duplicates
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("include"):
            return cleaned
        if cleaned.get("new_venue_name") and not cleaned.get("new_venue_country"):
            self.add_error("new_venue_country", "Give the new venue's country.")
        return cleaned

    def attach_to(self) -> Meeting | None:
        action = self.cleaned_data.get("action", self.NEW)
        if action == self.NEW:
            return None
        return next(m for m in self.duplicates if f"attach-{m.pk}" == action)


class ParticipantReviewForm(forms.Form):
    official = forms.ModelChoiceField(
        Official.objects.all(),
        required=False,
        widget=autocomplete(Participation, "official"),
        label="Official",
    )
    new_name = forms.CharField(required=False, max_length=200, label="or a new official")
    title = forms.CharField(required=False, max_length=200)
    country = forms.ModelChoiceField(
        Country.objects.all(), required=False, widget=autocomplete(Participation, "country")
    )

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not (data.get("official") or data.get("new_name") or data.get("title"))

    def clean(self):
        cleaned = super().clean()
        if self.is_blank():
            return cleaned
        if not cleaned.get("official") and not cleaned.get("new_name"):
            self.add_error("official", "Choose the official, or type the name of a new one.")
        if not cleaned.get("country"):
            if cleaned.get("official") and cleaned["official"].country_id:
                cleaned["country"] = cleaned["official"].country
            else:
                self.add_error("country", "Give the country the official represented.")
        return cleaned


ParticipantFormSet = forms.formset_factory(ParticipantReviewForm, extra=0, max_num=MAX_PARTICIPANTS)
