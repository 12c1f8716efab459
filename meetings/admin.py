"""The editors' workplace: meetings with their participants and sources on one form."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.urls import path
from django.utils.text import capfirst

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
    Topic,
    Venue,
)

admin.site.site_header = "Meetings tracker"
admin.site.site_title = "Meetings tracker"
admin.site.index_title = "Editing"
admin.site.site_url = "/"

# Rows the public pages read, rewritten from the meetings (meetings.derived): a delete page
# does not list them, as nobody enters or edits them.
DERIVED = (Subject, SubjectMeeting, SubjectMonth, SubjectOverlap)


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


class ServiceAdmin(admin.ModelAdmin):
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


class PositionInline(admin.TabularInline):
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
    list_display = ["__str__", "publisher", "published_on", "url"]
    list_filter = ["publisher", "published_on"]
    search_fields = ["title", "url", "citation", "publisher"]
    date_hierarchy = "published_on"


def kept_forms(formset: forms.BaseInlineFormSet, field: str) -> list[forms.Form]:
    """The inline rows that will be saved: filled in and not marked for deletion."""
    return [
        f
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get(field)
    ]


class ParticipationFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        named = kept_forms(self, "official")
        titled = kept_forms(self, "title")
        if not named and not titled:
            raise ValidationError(rules.NO_PARTICIPANT)


class ParticipationInline(admin.TabularInline):
    model = Participation
    formset = ParticipationFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ["official", "country"]
    verbose_name = "participant"
    verbose_name_plural = "participants"


class MeetingSourceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        problems = rules.meeting_problems(
            status=self.instance.status, participants=1, sources=len(kept_forms(self, "source"))
        )
        if problems:
            raise ValidationError(problems)


class MeetingSourceInline(admin.TabularInline):
    model = MeetingSource
    formset = MeetingSourceFormSet
    extra = 1
    autocomplete_fields = ["source"]
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


@admin.register(Meeting)
class MeetingAdmin(ServiceAdmin):
    list_display = ["__str__", "date", "kind", "venue", "occasion", "status", "updated_by"]
    list_filter = ["status", "kind", CountryListFilter, "date_precision", "occasion"]
    list_select_related = ["venue__country", "occasion", "updated_by"]
    search_fields = [
        "title",
        "summary",
        "participations__official__name",
        "venue__name",
        "occasion__name",
    ]
    date_hierarchy = "date"
    autocomplete_fields = ["venue", "occasion", "topics"]
    readonly_fields = ["created_by", "created_at", "updated_by", "updated_at"]
    inlines = [ParticipationInline, MeetingSourceInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", ("date", "date_precision"), "kind", "status"]}),
        ("Where and why", {"fields": ["venue", "occasion", "topics", "summary"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [("created_by", "created_at"), ("updated_by", "updated_at")],
            },
        ),
    ]

    def get_queryset(self, request):
        # the names of untitled meetings (Meeting.display_title) in one query for the page
        people = Participation.objects.select_related("official", "country")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("participations", queryset=people))
        )

    def get_urls(self):
        from meetings.intake.views import intake_view

        intake = self.admin_site.admin_view(lambda request: intake_view(request, self))
        return [
            path("from-article/", intake, name="meetings_meeting_intake"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(
        description="Publish the selected meetings (those with a participant and a source)"
    )
    def publish(self, request, queryset):
        done, skipped = services.publish(queryset, user=request.user)
        self.message_user(request, f"Published {done} meeting(s).")
        if skipped:
            self.message_user(
                request,
                f"{skipped} meeting(s) have no participant or no source and stay drafts.",
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
