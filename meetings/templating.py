"""The Jinja2 environment of the public pages (meetings/jinja2/); the admin keeps Django's
templates. Jinja2 compiles a template to Python once, so a list of twenty meetings costs a
fraction of a millisecond to draw instead of several."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.utils.dateformat import format as format_date
from django.utils.http import urlencode
from jinja2 import Environment, pass_context

from meetings.addresses import address, fast_pair_url, url
from meetings.models import Meeting
from meetings.presentation import percent, when


@pass_context
def querystring(context, **changes) -> str:
    """The page's query string with some parameters changed (None removes one), as "?...":
    a changed parameter keeps its place, a new one comes last. (Built from pairs: a bar of
    the timeline links with one, and copying the request's QueryDict for each cost more than
    drawing the bar.)"""
    pairs = []
    for key, values in context["request"].GET.lists():
        if key not in changes:
            pairs += [(key, value) for value in values]
        elif changes[key] is not None:
            pairs.append((key, str(changes[key])))
    pairs += [
        (key, str(value))
        for key, value in changes.items()
        if value is not None and key not in context["request"].GET
    ]
    return f"?{urlencode(pairs)}" if pairs else ""


@pass_context
def query_to(context, key: str) -> str:
    """The page's query string without page= and with key= last and empty, for links that
    only add key's value ("?country=fr&period="): a timeline draws dozens of them."""
    pairs = [
        (name, value)
        for name, values in context["request"].GET.lists()
        if name not in (key, "page")
        for value in values
    ]
    return f"?{urlencode(pairs)}&{key}=" if pairs else f"?{key}="


def web_url(url: str) -> str:
    """url when a browser would open it as a web page (http or https, with a host), else "":
    a link stored by any road (the importer, the shell) is checked again where it is shown."""
    url = (url or "").strip()
    if not url or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return url


def report_error(subject: str = "") -> str:
    """The link by which a reader reports an error (settings.CORRECTIONS_ADDRESS): a mailto
    link with the subject for an email address, else the web address as it is."""
    target = settings.CORRECTIONS_ADDRESS
    if "://" not in target and not target.startswith("mailto:"):
        target = f"mailto:{target}"
    if target.startswith("mailto:") and subject:
        return f"{target}?subject={quote(subject, safe='')}"
    return target


def host(url: str) -> str:
    """The site a link leads to, as a reader names it: "history.state.gov"."""
    try:
        name = urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return name.removeprefix("www.")


def date(value, pattern: str) -> str:
    """A date as Django's date filter writes it ("j M Y")."""
    return format_date(value, pattern) if value else ""


def plural(n: int, suffix: str = "s") -> str:
    return "" if n == 1 else suffix


def number(n: int) -> str:
    return f"{n:,}"


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals.update(
        url=url,
        address=address,
        static=static,
        querystring=querystring,
        query_to=query_to,
        pair_url=fast_pair_url,
        urlencode=urlencode,
        kinds=dict(Meeting.Kind.choices),
        kind_choices=list(Meeting.Kind.choices),
        report_error=report_error,
    )
    env.filters.update(
        when=when,
        percent=percent,
        date=date,
        plural=plural,
        number=number,
        web_url=web_url,
        host=host,
    )
    return env
