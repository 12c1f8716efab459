"""Tampered staff input in the admin gets a message, never a 500.

Nothing the site stores can hold a NUL character (PostgreSQL refuses it in any text), so a NUL
in an admin list's search or filters is taken out of the address with a message, and an
autocomplete term holding one finds nothing. A chosen option that cannot be an id (a word, a
number too large) is an error of its field, and the form shows it again without looking it up.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse

NUL = "\x00"
NUL_REMOVED = (
    "NUL characters (%00) cannot be searched for or filtered on; they were taken out of the "
    "address."
)


class StaffNulMiddleware:
    """A NUL in the address of an admin page: the page again without it, and a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if (
            request.method in {"GET", "HEAD"}
            and "%00" in query
            and request.path_info.startswith(reverse("admin:index"))
            and any(
                NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists()
            )
        ):
            if request.path_info == reverse("admin:autocomplete"):
                # nothing stored contains a NUL: the term matches nothing
                return JsonResponse({"results": [], "pagination": {"more": False}})
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                if NUL not in key:
                    cleaned.setlist(key, [v.replace(NUL, "") for v in values])
            messages.error(request, NUL_REMOVED)
            target = request.path + (f"?{cleaned.urlencode()}" if cleaned else "")
            return redirect(target)
        return self.get_response(request)


def could_be(field, value) -> bool:
    """Whether value could be stored in the model field (an id: a whole number in range)."""
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, TypeError, ValueError):
        return False
    return True


class KnownIdsOnly:
    """An autocomplete that shows the options chosen on a submitted form by looking them up:
    values that cannot be ids of the remote model are left out of the lookup (the field
    itself says they are not valid choices)."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self._could_be_id(v)], attr)

    def _could_be_id(self, value) -> bool:
        if value in (None, ""):
            return True
        remote = self.field.remote_field
        to_field = getattr(remote, "field_name", None) or remote.model._meta.pk.attname
        return could_be(remote.model._meta.get_field(to_field), value)


class AutocompleteSelectIds(KnownIdsOnly, AutocompleteSelect):
    pass


class AutocompleteSelectMultipleIds(KnownIdsOnly, AutocompleteSelectMultiple):
    pass


NOT_A_ROW = "The selection holds something that is not a row of this list; nothing was done."


class SafeAutocompletes:
    """For ModelAdmin and inlines: their autocomplete fields use the widgets above, and a
    list action's selection must be ids."""

    def response_action(self, request, queryset, **kwargs):
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        if not all(could_be(self.model._meta.pk, pk) for pk in selected):
            self.message_user(request, NOT_A_ROW, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectIds(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectMultipleIds(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
