"""The page a sign-in gets while its account or its address is locked out (django-axes)."""

from __future__ import annotations

import ipaddress
import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """429 with the time to wait, in words and in Retry-After."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    ctx = {
        "minutes": max(1, math.ceil(seconds / 60)),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "username": username[:150],
    }
    response = render(request, "registration/locked_out.html", ctx, status=429)
    response["Retry-After"] = str(seconds)
    return response


def client_ip(request: HttpRequest) -> str:
    """The address a sign-in comes from. Behind the proxy (BEHIND_PROXY=1) it is the last
    address of X-Forwarded-For, the one the proxy appended: whatever the client wrote before it
    is the client's own say and is not believed. Otherwise the connection's peer."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not getattr(settings, "BEHIND_PROXY", False):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:
        return peer
