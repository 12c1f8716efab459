"""The editors' workplace: meetings with their participants and sources on one form."""

import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, Min, Prefetch
from django.urls import path
from django.utils.dateformat import format as format_date
from django.utils.text import capfirst
from django.utils.timezone import localtime

from meetings import history, rules, services
from meetings.models import (
    Country,
    HistoryEntry,
    Meeting,
    MeetingSource,
    Occasion,
    Official,
    Participation,
    Position,
    Source,
    Subject,
    SubjectMeeting,
    SubjectMonth,
    SubjectOverlap,
    SubjectOverlapYear,
    Topic,
    Venue,
)
from meetings.presentation import when
from meetings.staff_input import SafeAutocompletes

admin.site.site_header = "Meetings tracker"
admin.site.site_title = "Meetings tracker"
admin.site.index_title = "Editing"
admin.site.site_url = "/"
# The sidebar of every model takes a quarter of a 1280-pixel screen from the lists; the
# breadcrumbs and the index lead to the same places.
admin.site.enable_nav_sidebar = False

# Rows the public pages read, rewritten from the meetings (meetings.derived): a delete page
# does not list them, as nobody enters or edits them.
DERIVED = (Subject, SubjectMeeting, SubjectMonth, SubjectOverlap, SubjectOverlapYear)


def leave_out(items: list, prefixes: tuple[str, ...]) -> list:
    """The delete page's nested list of "Kind: object" lines without those starting with one
    of prefixes, and without the lines nested under them."""
    kept: list = []
    dropped = False
    for item in items:
        if isinstance(item, list):
            if not dropped:
                inner = leave_out(item, prefixes)
                if inner:
                    kept.append(inner)
            continue
        dropped = str(item).startswith(prefixes)
        if not dropped:
            kept.append(item)
    return kept


class ServiceAdmin(SafeAutocompletes, admin.ModelAdmin):
    """Every change made in the admin is one services.writing() transaction: the derived rows
    of the meetings it touched are brought up to date once, before it commits."""

    def changeform_view(self, request, *args, **kwargs):
        with services.writing():
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with services.writing():
            return super().delete_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        if request.method != "POST":  # actions and list edits post
            return super().changelist_view(request, *args, **kwargs)
        with services.writing():
            return super().changelist_view(request, *args, **kwargs)

    def get_deleted_objects(self, objs, request):
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        prefixes = tuple(f"{capfirst(m._meta.verbose_name)}: " for m in DERIVED)
        plurals = {str(m._meta.verbose_name_plural) for m in DERIVED}
        counts = {name: n for name, n in counts.items() if str(name) not in plurals}
        return leave_out(to_delete, prefixes), counts, perms_needed, protected


@admin.register(Country)
class CountryAdmin(ServiceAdmin):
    list_display = ["code", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "aliases", "demonyms"]
    ordering = ["name"]


class PositionInline(SafeAutocompletes, admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["country"]


@admin.register(Official)
class OfficialAdmin(ServiceAdmin):
    list_display = ["name", "country", "slug"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "aliases", "slug"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(ServiceAdmin):
    list_display = ["official", "title", "country", "start", "end"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter), "end"]
    list_select_related = ["official", "country"]
    search_fields = ["official__name", "title"]
    autocomplete_fields = ["official", "country"]
    date_hierarchy = "start"


@admin.register(Venue)
class VenueAdmin(ServiceAdmin):
    list_display = ["name", "country", "latitude", "longitude"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "slug", "country__name"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Occasion)
class OccasionAdmin(ServiceAdmin):
    list_display = ["name", "start", "end", "venue"]
    list_filter = [("venue__country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["venue__country"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["venue"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "start"


@admin.register(Topic)
class TopicAdmin(ServiceAdmin):
    list_display = ["name", "parent", "meeting_count"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "aliases", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("meetings"))

    @admin.display(description="Meetings", ordering="n")
    def meeting_count(self, obj):
        return obj.n


@admin.register(Source)
class SourceAdmin(ServiceAdmin):
    list_display = ["__str__", "publisher", "published_on", "url", "offline"]
    list_filter = ["offline", "publisher", "published_on"]
    search_fields = ["title", "url", "citation", "publisher"]
    date_hierarchy = "published_on"


def kept_forms(formset: forms.BaseInlineFormSet, field: str) -> list[forms.Form]:
    """The inline rows that will be saved: filled in and not marked for deletion."""
    return [
        f
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get(field)
    ]


class InlineRowForm(forms.ModelForm):
    """An inline row whose id names a row no longer there (removed by someone else since the
    form was opened) says so on its row: the id is a hidden field, whose own error the admin
    does not show."""

    gone = "This row was removed by someone else since you opened the form."

    def clean(self):
        if self._errors and "id" in self._errors:
            self.add_error(None, self.gone)
        return super().clean()


class ParticipationForm(InlineRowForm):
    gone = (
        "This participant was removed from the meeting by someone else since you opened the "
        "form. Tick “Delete” to leave them out, or add them again in a new row."
    )


class ParticipationFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        named = kept_forms(self, "official")
        titled = kept_forms(self, "title")
        if not named and not titled:
            raise ValidationError(rules.NO_PARTICIPANT)


class ParticipationInline(SafeAutocompletes, admin.TabularInline):
    model = Participation
    form = ParticipationForm
    formset = ParticipationFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ["official", "country"]
    verbose_name = "participant"
    verbose_name_plural = "participants"


NEW_SOURCE_FIELDS = ("url", "title", "publisher", "published_on", "citation", "offline")


class MeetingSourceForm(InlineRowForm):
    """A source of the meeting: one in the tracker, or a new one typed in here (no pop-up)."""

    gone = (
        "This source was removed from the meeting by someone else since you opened the form. "
        "Tick “Delete” to leave it out, or add it again in a new row."
    )

    new_url = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "vURLField"}),
        label="…or a new source: URL",
        help_text="When the source is not in the tracker yet: it is created with the meeting.",
    )
    new_title = forms.CharField(
        required=False,
        max_length=300,
        label="Title",
        widget=forms.TextInput({"class": "vTextField"}),
    )
    new_publisher = forms.CharField(required=False, max_length=200, label="Publisher")
    new_published_on = forms.DateField(
        required=False, label="Published on", widget=admin.widgets.AdminDateWidget
    )
    new_citation = forms.CharField(
        required=False,
        max_length=300,
        label="Citation",
        widget=forms.TextInput({"class": "vTextField"}),
        help_text="For a source without a URL: “MEA press release, 28 October 2025”.",
    )
    new_offline = forms.BooleanField(
        required=False,
        label="Print or offline source",
        help_text=(
            "It has no URL; the citation says where a reader finds it. A meeting is published "
            "only with a source that has a URL or is marked so."
        ),
    )

    class Meta:
        model = MeetingSource
        fields = ["source", "quote"]
        widgets = {"quote": forms.Textarea(attrs={"rows": 3, "cols": 60})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].required = False
        self.fields["source"].label = "Source in the tracker"
        self.new_source: services.SourceInput | None = None
        if self.instance.pk:  # a saved row names its source; the new-source boxes are for new rows
            for name in NEW_SOURCE_FIELDS:
                self.fields[f"new_{name}"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        typed = {name: cleaned.get(f"new_{name}") or "" for name in NEW_SOURCE_FIELDS}
        typed["published_on"] = typed["published_on"] or None
        typed["offline"] = bool(typed["offline"])
        if not any(typed.values()):
            if not cleaned.get("source") and not self.has_error("source"):
                self.add_error("source", "Choose the source, or enter a new one below.")
            return cleaned
        if cleaned.get("source"):
            self.add_error(
                "new_url", "Choose a source in the tracker, or enter a new one: not both."
            )
            return cleaned
        known = Source.objects.filter(url=typed["url"]).first() if typed["url"] else None
        if known is not None:  # the same address entered again: the source already recorded
            cleaned["source"] = known
            return cleaned
        try:
            Source(**typed).full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for name, problems in exc.message_dict.items():
                field = f"new_{name}" if name in NEW_SOURCE_FIELDS else "new_url"
                for problem in problems:
                    self.add_error(field, problem)
            return cleaned
        self.new_source = services.SourceInput(**typed)
        return cleaned

    def names_a_source(self) -> bool:
        return bool(self.cleaned_data.get("source")) or self.new_source is not None

    def names_a_checkable_source(self) -> bool:
        """Whether its source has a URL or is a print source with its citation."""
        if self.new_source is not None:
            s = self.new_source
            return rules.checkable(url=s.url, citation=s.citation, offline=s.offline)
        source = self.cleaned_data.get("source")
        return source is not None and source.checkable

    def save(self, commit=True):
        if self.new_source is not None:
            self.instance.source = services.source_for(self.new_source)
        return super().save(commit)


class MeetingSourceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            f
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.names_a_source()
        ]
        problems = rules.meeting_problems(
            status=self.instance.status,
            participants=1,
            sources=len(kept),
            checkable=sum(f.names_a_checkable_source() for f in kept),
        )
        if problems:
            raise ValidationError(problems)


class MeetingSourceInline(SafeAutocompletes, admin.StackedInline):
    model = MeetingSource
    form = MeetingSourceForm
    formset = MeetingSourceFormSet
    extra = 1
    autocomplete_fields = ["source"]
    fields = [
        "source",
        "new_url",
        "new_title",
        ("new_publisher", "new_published_on"),
        ("new_citation", "new_offline"),
        "quote",
    ]
    verbose_name = "source"
    verbose_name_plural = "sources"


class CountryListFilter(admin.SimpleListFilter):
    title = "country"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        used = Country.objects.filter(meeting_countries__isnull=False).distinct()
        return [(c.code, c.name) for c in used]

    def queryset(self, request, queryset):
        code = self.value()
        if not code:
            return queryset
        country = Country.objects.filter(code=code.upper()).first()
        return queryset.involving(country) if country else queryset.none()


class DecadeListFilter(admin.SimpleListFilter):
    """Decades, then the years of the one chosen: a century and a half of meetings as a dozen
    links rather than 150."""

    title = "decade"
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        span = Meeting.objects.aggregate(first=Min("date"), last=Max("date"))
        if span["first"] is None:
            return []
        first, last = span["first"].year // 10 * 10, span["last"].year // 10 * 10
        return [(str(d), f"{d}s") for d in range(last, first - 1, -10)]

    def queryset(self, request, queryset):
        start = year_of(self.value())
        if start is None:
            return queryset if self.value() is None else queryset.none()
        return queryset.filter(date__year__gte=start, date__year__lte=start + 9)


class YearListFilter(admin.SimpleListFilter):
    """The years of the decade chosen in DecadeListFilter."""

    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        decade = year_of(request.GET.get(DecadeListFilter.parameter_name))
        if decade is None:
            return []
        return [(str(y), str(y)) for y in range(decade + 9, decade - 1, -1)]

    def queryset(self, request, queryset):
        year = year_of(self.value())
        if year is None:
            return queryset if self.value() is None else queryset.none()
        return queryset.filter(date__year=year)


def year_of(value: str | None) -> int | None:
    """A year from a filter's value, or None for no value or one that is not a year."""
    if value and value.isdigit() and datetime.MINYEAR <= int(value) <= datetime.MAXYEAR - 9:
        return int(value)
    return None


class MeetingForm(forms.ModelForm):
    """The meeting form carries the version it was opened on; saving it over a newer one is
    refused (services.lock_for_edit) with what changed, until the editor has seen it."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: Meeting | None = None
        if self.instance.pk:
            self.fields["seen"].initial = services.edit_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        try:
            services.lock_for_edit(meeting_id=self.instance.pk, seen=cleaned.get("seen", ""))
        except services.EditConflict as conflict:
            self.conflict = current = conflict.current
            # shown again, the form carries the version just shown: saving it then is a choice
            self.data = self.data.copy()
            self.data[self.add_prefix("seen")] = services.edit_token(current)
            who = current.updated_by.get_username() if current.updated_by else "someone else"
            when = format_date(localtime(current.updated_at), "j M Y, H:i:s T")
            raise ValidationError(
                "This meeting was changed by %(who)s at %(when)s since you opened it, and your "
                "changes are not saved yet. Compare them below with what is saved now; save "
                "again to replace it with yours, or reload the meeting to start from it.",
                code="edit_conflict",
                params={"who": who, "when": when},
            ) from None
        return cleaned


# The meeting's own fields compared when an edit conflicts, in the form's order.
CONFLICT_FIELDS = ["title", "date", "date_precision", "kind", "status", "venue", "occasion"]


def shown(field: forms.Field, value) -> str:
    """A form value as the editor reads it: a choice's label, a row's name."""
    if value in (None, "") or (isinstance(value, (list, tuple)) and not value):
        return "—"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (list, tuple, models.QuerySet)):
        return ", ".join(sorted(str(v) for v in value)) or "—"
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return str(dict(field.choices).get(value, value))
    return str(value)


def person(official: Official | None, title: str) -> str:
    """A participant as the comparison shows them: "Marco Rubio (Secretary of State)"."""
    if official is None:
        return f"{title} (not named)"
    return f"{official} ({title})" if title else str(official)


def conflict_rows(form: MeetingForm, formsets) -> list[dict]:
    """What is saved now beside what the editor's form holds, for each part that differs."""
    current, data = form.conflict, getattr(form, "cleaned_data", {})
    rows = []
    for name in [*CONFLICT_FIELDS, "topics", "summary"]:
        if name not in form.fields:
            continue
        field = form.fields[name]
        saved = current.topics.all() if name == "topics" else getattr(current, name)
        theirs = shown(field, saved)
        yours = shown(field, data.get(name, form.data.get(form.add_prefix(name), "")))
        if theirs != yours:
            rows.append({"label": field.label or name, "saved": theirs, "yours": yours})
    saved_people = sorted(
        person(p.official, p.title) for p in current.participations.select_related("official")
    )
    saved_sources = sorted(
        str(ms.source) for ms in current.meeting_sources.select_related("source")
    )
    for formset in formsets:
        kept = [
            f.cleaned_data
            for f in formset.forms
            if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")
        ]
        if formset.model is Participation:
            label, saved = "Participants", saved_people
            yours = sorted(
                person(d.get("official"), d.get("title", ""))
                for d in kept
                if d.get("official") or d.get("title")
            )
        elif formset.model is MeetingSource:
            label, saved = "Sources", saved_sources
            yours = sorted(str(d["source"]) for d in kept if d.get("source"))
        else:
            continue
        if saved != yours:
            rows.append(
                {"label": label, "saved": "; ".join(saved) or "—", "yours": "; ".join(yours) or "—"}
            )
    return rows


@admin.register(Meeting)
class MeetingAdmin(ServiceAdmin):
    list_display = ["name", "when", "kind", "where", "held_at", "status", "updated_by"]
    list_display_links = ["name"]
    list_filter = [
        "status",
        "kind",
        CountryListFilter,
        DecadeListFilter,
        YearListFilter,
        "date_precision",
    ]
    list_select_related = ["venue__country", "occasion", "updated_by"]
    search_fields = [
        "title",
        "summary",
        "participations__official__name",
        "venue__name",
        "occasion__name",
    ]
    autocomplete_fields = ["venue", "occasion", "topics"]
    readonly_fields = ["created_by", "created_at", "updated_by", "updated_at"]
    inlines = [ParticipationInline, MeetingSourceInline]
    actions = ["publish", "unpublish"]
    form = MeetingForm
    fieldsets = [
        (
            None,
            {"fields": ["title", ("date", "end_date", "date_precision"), "kind", "status", "seen"]},
        ),
        ("Where and why", {"fields": ["venue", "occasion", "topics", "summary"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [("created_by", "created_at"), ("updated_by", "updated_at")],
            },
        ),
    ]

    class Media:
        css = {"all": ["admin-meetings.css"]}

    def get_queryset(self, request):
        # the names of untitled meetings (Meeting.display_title) in one query for the page
        people = Participation.objects.select_related("official", "country")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("participations", queryset=people))
        )

    @admin.display(description="Meeting", ordering="title")
    def name(self, obj: Meeting) -> str:
        return obj.display_title

    @admin.display(description="Date", ordering="date")
    def when(self, obj: Meeting) -> str:
        return when(obj)

    @admin.display(description="Where", ordering="venue__name")
    def where(self, obj: Meeting) -> str:
        return f"{obj.venue.name}, {obj.venue.country.code}" if obj.venue else ""

    @admin.display(description="Occasion", ordering="occasion__name")
    def held_at(self, obj: Meeting) -> str:
        # a method rather than the field: the admin keeps a foreign key's column on one line
        return obj.occasion.name if obj.occasion else ""

    def get_urls(self):
        from meetings.intake.views import intake_view

        intake = self.admin_site.admin_view(lambda request: intake_view(request, self))
        return [
            path("from-article/", intake, name="meetings_meeting_intake"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        form = context["adminform"].form
        if getattr(form, "conflict", None) is not None:
            formsets = [inline.formset for inline in context["inline_admin_formsets"]]
            context["conflict"] = {"meeting": form.conflict, "rows": conflict_rows(form, formsets)}
        return super().render_change_form(request, context, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(
        description="Publish the selected meetings (those with a participant and a checkable "
        "source)"
    )
    def publish(self, request, queryset):
        done, skipped = services.publish(queryset, user=request.user)
        self.message_user(request, f"Published {done} meeting(s).")
        if skipped:
            self.message_user(
                request,
                f"{skipped} meeting(s) stay drafts: each needs a participant and a source with "
                "a URL or marked as a print or offline source.",
                level="warning",
            )

    @admin.action(description="Return the selected meetings to draft")
    def unpublish(self, request, queryset):
        done = services.unpublish(queryset, user=request.user)
        self.message_user(request, f"{done} meeting(s) are drafts again.")


@admin.register(HistoryEntry)
class HistoryEntryAdmin(admin.ModelAdmin):
    """Every recorded change, newest first: the admin's own and those of the intake, the
    publish actions and the imports (meetings.history). Nobody edits it."""

    list_display = ["action_time", "user", "action", "object_repr", "kind", "message"]
    list_filter = ["action_flag", ("user", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["user", "content_type"]
    search_fields = ["object_repr", "change_message"]
    date_hierarchy = "action_time"

    def get_queryset(self, request):
        changes = super().get_queryset(request)
        if request.user.is_superuser:
            return changes
        return changes.filter(content_type__app_label="meetings")  # not the accounts'

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Action", ordering="action_flag")
    def action(self, obj: HistoryEntry) -> str:
        return {
            history.ADDITION: "Added",
            history.CHANGE: "Changed",
            history.DELETION: "Deleted",
        }.get(obj.action_flag, "")

    @admin.display(description="Kind of record", ordering="content_type")
    def kind(self, obj: HistoryEntry) -> str:
        model = obj.content_type.model_class() if obj.content_type else None
        return capfirst(model._meta.verbose_name) if model else ""

    @admin.display(description="What was done")
    def message(self, obj: HistoryEntry) -> str:
        return obj.get_change_message()
