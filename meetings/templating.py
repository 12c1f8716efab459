"""The Jinja2 environment of the public pages (meetings/jinja2/); the admin keeps Django's
templates. Jinja2 compiles a template to Python once, so a list of twenty meetings costs a
fraction of a millisecond to draw instead of several."""

from __future__ import annotations

import functools
import itertools
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.dateformat import format as format_date
from django.utils.http import urlencode
from jinja2 import Environment, pass_context

from meetings.models import Meeting
from meetings.presentation import percent, when

# Stand-ins each kind of path argument accepts (a number, a slug, a country code), by position.
_STAND_INS = (("4096000001", "x-stand-in-0-x", "qx"), ("4096000002", "x-stand-in-1-x", "qy"))


@functools.cache
def _address_form(name: str, arguments: int) -> str:
    """The address of a URL name as a format string ("/venues/{0}/"), found once by reversing
    it with stand-ins: reversing on every link costs more than a row of a list."""
    for choice in itertools.product(*_STAND_INS[:arguments]):
        try:
            address = reverse(name, args=choice)
        except NoReverseMatch:
            continue
        address = address.replace("{", "{{").replace("}", "}}")
        for position, stand_in in enumerate(choice):
            address = address.replace(stand_in, f"{{{position}}}")
        return address
    raise NoReverseMatch(f"No address for {name!r} with {arguments} arguments")


def url(name: str, *args) -> str:
    """reverse(name, args=args), for the names and slugs this site makes."""
    if len(args) > len(_STAND_INS):
        return reverse(name, args=args)
    return _address_form(name, len(args)).format(*(quote(str(a), safe="") for a in args))


def address(name: str):
    """The address of a URL name of one argument, as a function of that argument."""
    form = _address_form(name, 1)

    def of(argument) -> str:
        return form.format(quote(str(argument), safe=""))

    return of


@pass_context
def querystring(context, **changes) -> str:
    """The page's query string with some parameters changed (None removes one), as "?..."."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    return f"?{query.urlencode()}" if query else ""


def fast_pair_url(a, b) -> str:
    """models.pair_url without reversing: a map or a ranking links to hundreds of pairs."""
    first, second = sorted([a.code.lower(), b.code.lower()])
    return url("meetings:pair", first, second)


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
