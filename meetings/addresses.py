"""The addresses of the public pages, made without reversing a URL name on every link:
reversing costs more than drawing a row of a list, and a page links to dozens."""

from __future__ import annotations

import functools
import itertools
from urllib.parse import quote

from django.urls import NoReverseMatch, reverse

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


def fast_pair_url(a, b) -> str:
    """models.pair_url without reversing: a map or a ranking links to hundreds of pairs."""
    first, second = sorted([a.code.lower(), b.code.lower()])
    return _address_form("meetings:pair", 2).format(first, second)  # codes need no quoting
