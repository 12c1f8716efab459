"""The world map: a selection's venues as points sized by their meetings, and a country's
partners shaded by theirs, drawn as SVG from the outline in meetings/data/world.json.

That outline is Natural Earth's 1:110m countries (public domain), projected once with the Equal
Earth projection and simplified by tools/world_map.py; a venue's coordinates go through the same
projection here, so points fall where the outline says.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.template import engines

WORLD = Path(__file__).resolve().parent / "data" / "world.json"

# Equal Earth (Šavrič, Patterson and Jenny, 2018)
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
SHADES = 5  # steps of shading for a country's partners


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Degrees to the projection's plane (x east, y north), unscaled."""
    theta = math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    stretch = M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2))
    x = math.radians(longitude) * math.cos(theta) / stretch
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


@functools.cache
def world() -> dict:
    """The outline: {"width", "height", "scale", "left", "top", "countries": {code: path}}."""
    return json.loads(WORLD.read_text(encoding="utf-8"))


@functools.cache
def land() -> str:
    """The countries as an SVG document of their own, rendered once per process. Every map
    draws it with <use> from its own address (views.land), so a browser fetches the 174 paths
    once and each map page is a fraction of their size."""
    template = engines["jinja2"].get_template("meetings/land.svg")
    return template.render({"world": world()})


def place(longitude: float, latitude: float) -> tuple[float, float]:
    """Where a point falls on the drawn map."""
    outline = world()
    x, y = equal_earth(longitude, latitude)
    return (
        round(x * outline["scale"] - outline["left"], 1),
        round(outline["top"] - y * outline["scale"], 1),
    )


def meetings_said(n: int) -> str:
    return f"{n:,} meeting{'' if n == 1 else 's'}"


@dataclass
class Point:
    name: str
    slug: str
    country: str
    n: int
    x: float
    y: float
    r: float

    @property
    def label(self) -> str:
        """What its link says: "Kuala Lumpur, Malaysia: 2 meetings"."""
        return f"{self.name}, {self.country}: {meetings_said(self.n)}"


@dataclass
class Shaded:
    """A partner drawn shaded on a country's map: its outline's id, its shade, its link."""

    code: str  # lower case, as the outline's ids
    shade: int
    href: str
    label: str  # "China: 1 meeting with India"


def points(venues: list) -> list[Point]:
    """Venues (meetings.read.selection.Ranked) that have coordinates, as circles whose area grows
    with the meetings, the largest drawn first so that small ones stay on top."""
    top = max((v.n for v in venues), default=1) or 1
    out = []
    for venue in venues:
        if venue.latitude is None or venue.longitude is None:
            continue
        x, y = place(venue.longitude, venue.latitude)
        radius = round(2.5 + 14 * math.sqrt(venue.n / top), 1)
        country = venue.country.name if venue.country else ""
        out.append(Point(venue.name, venue.slug, country, venue.n, x, y, radius))
    out.sort(key=lambda p: -p.r)
    return out


def shading(partners: list) -> dict[str, int]:
    """{country code: shade 1–5} for a country's partners (with .n), by their meetings'
    share of the busiest partner's on a square-root scale."""
    top = max((c.n for c in partners), default=0)
    if not top:
        return {}
    return {c.code: max(1, math.ceil(SHADES * math.sqrt(c.n / top))) for c in partners if c.n}


def shaded(country, partners: list, link) -> list[Shaded]:
    """The partners (with .n) of a country that the outline draws, shaded, each with its link
    (link(country, partner)) and what the link says."""
    shades = shading(partners)
    outline = world()["countries"]
    return [
        Shaded(
            partner.code.lower(),
            shades[partner.code],
            link(country, partner),
            f"{partner.name}: {meetings_said(partner.n)} with {country.name}",
        )
        for partner in partners
        if shades.get(partner.code) and partner.code in outline
    ]
