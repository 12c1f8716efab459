"""What the site answers when its database is away, and the health check load balancers ask.

A database outage is no bug of a page: every page that needs the database answers 503 with
Retry-After while it lasts (monitors, proxies and crawlers treat that as "come back later", not
as a broken page), and the next request after it ends connects again by itself.
"""

from __future__ import annotations

import contextlib
import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

# seconds a client is asked to wait before trying again
RETRY_AFTER = 10
HEALTH_PATH = "/health/"


def database_unavailable(exc: BaseException | None) -> bool:
    """Whether exc (or what caused it) says the database cannot be reached or went away."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return True
        # psycopg's own errors, when Django has not wrapped them (connection set-up)
        module = type(exc).__module__ or ""
        if module.startswith("psycopg") and type(exc).__name__ in {
            "OperationalError",
            "InterfaceError",
        }:
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The page shown while the database is away: 503 with Retry-After. It touches no
    database and needs no request context."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: an uncaught database outage is a 503, anything else the usual 500 page."""
    if database_unavailable(sys.exc_info()[1]):
        return unavailable(request)
    return defaults.server_error(request)


def database_reachable(using: str = "default") -> bool:
    """One round trip to the database; False on any failure (never raises)."""
    connection = connections[using]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except Exception:  # a health check reports; it never fails
        with contextlib.suppress(DatabaseError):
            connection.close()
        return False


class HealthMiddleware:
    """GET /health/ for load balancers: 200 when the database answers, 503 when not.

    It answers before the host check and the HTTPS redirect (it sits first), since a load
    balancer probes a backend by its address over plain HTTP; the answer names no host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in {"GET", "HEAD"}:
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        if database_reachable():
            response = JsonResponse({"status": "ok", "database": "ok"})
        else:
            response = JsonResponse(
                {"status": "unavailable", "database": "unreachable"}, status=503
            )
            response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
