"""The article intake's requests that Django would refuse with a bare "Bad Request (400)".

A paste over DATA_UPLOAD_MAX_MEMORY_SIZE, or a review with more fields than
DATA_UPLOAD_MAX_NUMBER_FIELDS, fails when Django first reads the request's fields, which the
CSRF check does before any view. For the intake's address this reads them first, and a request
that cannot be read gets the article form with the reason instead. Nothing of such a request
is read or saved, so answering it before the CSRF check changes nothing.
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

TOO_BIG = (
    "The article is larger than 5 MB, so it was not read: paste a shorter part of it, or "
    "upload the saved web page."
)
TOO_MANY = (
    "The review has more fields than the server reads at once, so nothing was saved: read the "
    "article again and save its meetings in two parts."
)


class IntakeLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path == reverse("admin:meetings_meeting_intake"):
            try:
                request.POST  # noqa: B018 (read here, within Django's limits, once)
            except (RequestDataTooBig, TooManyFieldsSent) as exc:
                # as Django's own handler does: the fields are not to be read again
                request._mark_post_parse_error()
                message = TOO_BIG if isinstance(exc, RequestDataTooBig) else TOO_MANY
                return refuse(request, message)
        return self.get_response(request)


def refuse(request: HttpRequest, message: str) -> HttpResponse:
    from meetings.intake.views import refused
    from meetings.models import Meeting

    model_admin = admin.site.get_model_admin(Meeting)
    view = admin.site.admin_view(lambda request: refused(request, model_admin, message))
    response = view(request)
    # a middleware's response is not rendered by the handler, as a view's is
    return response.render() if hasattr(response, "render") else response
