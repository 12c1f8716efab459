"""Make meetings/data/world.json, the outline the site's maps are drawn on.

    python tools/world_map.py countries-110m.json

The input is Natural Earth's 1:110m admin-0 countries (public domain) as TopoJSON, as the
`world-atlas` package on the npm registry ships it (`npm pack world-atlas@2.0.2`). Each country
(by its ISO 3166 numeric code, read into the alpha-2 code the site uses) becomes one SVG path,
projected with Equal Earth (meetings.worldmap), scaled to 1,000 units wide, rounded to whole units
(a third of a degree) and stripped of points that no longer move; Antarctica is left out.
"""

from __future__ import annotations

import json
import os
import sys
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meetings.settings")

import django  # noqa: E402

django.setup()

from django_countries import countries  # noqa: E402

from meetings.worldmap import WORLD, equal_earth  # noqa: E402

WIDTH = 1000
# shapes without an ISO number, drawn as part of the country that the site records
UNNUMBERED = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
LEFT_OUT = {"010"}  # Antarctica: no one meets there, and it would take a fifth of the height


def arcs_of(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs in degrees (they are stored quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrapped(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the 180th meridian (Russia's far east, Fiji) kept on one side of it:
    the points over the line are put on it, instead of a stroke across the whole map."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in pairwise(points)):
        return points
    east = sum(1 for lon, _ in points if lon > 0) >= len(points) / 2
    edge = 180.0 if east else -180.0
    return [(edge if (lon < 0) == east else lon, lat) for lon, lat in points]


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = arcs_of(topology)
    shapes: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        number = geometry.get("id")
        if number in LEFT_OUT:
            continue
        code = countries.alpha2(int(number)) if number else None
        code = code or UNNUMBERED.get(geometry["properties"]["name"])
        if not code:
            print(f"left out: {geometry['properties']['name']}", file=sys.stderr)
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            shapes.setdefault(code, []).extend(unwrapped(ring(r, arcs)) for r in polygon)
    projected = {
        code: [[equal_earth(lon, lat) for lon, lat in r] for r in rings]
        for code, rings in shapes.items()
    }
    xs = [x for rings in projected.values() for r in rings for x, _ in r]
    ys = [y for rings in projected.values() for r in rings for _, y in r]
    scale = WIDTH / (max(xs) - min(xs))
    left, top = min(xs) * scale, max(ys) * scale
    height = round((max(ys) - min(ys)) * scale, 1)
    paths = {}
    for code, rings in sorted(projected.items()):
        parts = []
        for r in rings:
            points = []
            for x, y in r:
                point = (round(x * scale - left), round(top - y * scale))
                if not points or point != points[-1]:
                    points.append(point)
            if len(set(points)) < 3:
                continue
            # relative moves after the first point: most are one digit
            steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in pairwise(points)]
            parts.append(f"M{points[0][0]} {points[0][1]}l" + " ".join(steps) + "z")
        paths[code] = "".join(parts)
    data = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), version 4.1.0",
        "projection": "Equal Earth",
        "width": WIDTH,
        "height": height,
        "scale": scale,
        "left": left,
        "top": top,
        "countries": paths,
    }
    WORLD.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{WORLD}: {len(paths)} countries, {WORLD.stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
