"""The map: venues as points sized by meetings, a country's partners shaded, the same numbers
as tables; drawn from the outline in meetings/data/world.json."""

import re

import pytest
from django.conf import settings

from meetings.models import Venue
from meetings.worldmap import place, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(make_meeting, jaishankar, rubio, wang_yi, kuala_lumpur, washington, trade):
    Venue.objects.filter(pk=kuala_lumpur.pk).update(latitude=3.139, longitude=101.687)
    Venue.objects.filter(pk=washington.pk).update(latitude=38.895, longitude=-77.036)
    make_meeting(jaishankar, rubio, venue=kuala_lumpur, topics=[trade])
    make_meeting(jaishankar, rubio, venue=kuala_lumpur)
    make_meeting(jaishankar, wang_yi, venue=washington)
    make_meeting(rubio, wang_yi, venue=washington)


def labels(response, kind: str) -> list[tuple[str, str]]:
    """(address, accessible name) of each link on the map drawing kind ("circle", "path")."""
    drawing = re.search(r'<svg class="world-map".*?</svg>', response.text, re.S).group(0)
    return re.findall(rf'<a href="([^"]+)" aria-label="([^"]+)"><{kind}', drawing)


def test_the_outline_holds_the_worlds_countries_small():
    outline = world()

    assert {"IN", "US", "CN", "BR", "RU", "FJ"} <= set(outline["countries"])
    assert "AQ" not in outline["countries"], "Antarctica is left out"
    assert len(str(outline["countries"])) < 60_000


def test_a_place_falls_where_the_outline_puts_its_country():
    delhi_x, delhi_y = place(77.2, 28.6)
    lima_x, lima_y = place(-77.0, -12.0)
    outline = world()

    assert 0 < lima_x < outline["width"] / 2 < delhi_x < outline["width"]
    assert 0 < delhi_y < outline["height"] / 2 < lima_y < outline["height"]


def test_the_map_of_everything_draws_each_venue_as_a_link_to_its_meetings(client, meetings):
    response = client.get("/map/")

    assert response.status_code == 200
    assert labels(response, "circle") == [
        ("/meetings/?venue=kuala-lumpur", "Kuala Lumpur, Malaysia: 2 meetings"),
        ("/meetings/?venue=washington", "Washington, United States: 2 meetings"),
    ]
    table = re.search(r'id="venues-heading".*?</table>', response.text, re.S).group(0)
    rows = [
        " ".join(re.sub(r"<[^>]+>", " ", r).split()) for r in re.findall(r"<tr>(.*?)</tr>", table)
    ]
    assert rows[1:] == ["Kuala Lumpur Malaysia 2", "Washington United States 2"]


def test_a_countrys_map_shades_its_partners_and_links_each_to_the_pair(client, meetings):
    response = client.get("/map/?country=in")

    assert response.status_code == 200
    assert labels(response, "use") == [
        ("/countries/in/us/", "United States: 2 meetings with India"),
        ("/countries/cn/in/", "China: 1 meeting with India"),
    ]
    assert 'class="shade-5"' in response.text and 'class="shade-4"' in response.text
    # a shaded partner is the outline's own path drawn again from the outline's file: the page
    # carries no copy of it
    outline = f"/map/land.svg?v={settings.RELEASE}"
    assert f'<use class="shade-5" href="{outline}#land-us"/>' in response.text
    assert world()["countries"]["US"] not in response.text
    assert labels(response, "circle")[0] == (
        "/meetings/?venue=kuala-lumpur&amp;country=in",
        "Kuala Lumpur, Malaysia: 2 meetings",
    )
    assert re.search(
        r"Partners of India.*United States</a></th><td class=\"num\">2", response.text, re.S
    )


def test_a_pairs_map_shows_only_the_pairs_venues(client, meetings):
    response = client.get("/map/?country=cn&country=us")

    assert labels(response, "circle") == [
        (
            "/meetings/?venue=washington&amp;country=cn&amp;country=us",
            "Washington, United States: 1 meeting",
        )
    ]


def test_names_with_markup_are_drawn_as_text(client, meetings, kuala_lumpur, malaysia):
    """The map's circles and shapes are drawn without escaping their numbers: their names
    still are."""
    Venue.objects.filter(pk=kuala_lumpur.pk).update(name='Hall "A" <b>&</b> Co')
    malaysia.name = "Malaysia <i>"
    malaysia.save()

    response = client.get("/map/")

    assert labels(response, "circle")[0] == (
        "/meetings/?venue=kuala-lumpur",
        "Hall &#34;A&#34; &lt;b&gt;&amp;&lt;/b&gt; Co, Malaysia &lt;i&gt;: 2 meetings",
    )
    assert "<b>" not in response.text and "<i>" not in response.text


@pytest.mark.parametrize(
    "query", ["topic=trade", "from=2025-01-01", "kind=call", "venue=washington"]
)
def test_a_map_of_other_filters_says_what_it_draws_with_400(client, meetings, query):
    response = client.get(f"/map/?{query}")

    assert response.status_code == 400
    assert "The map is drawn for every meeting, one country or a pair" in response.text


def test_a_malformed_filter_on_the_map_shows_the_forms_message(client, meetings):
    response = client.get("/map/?country=zz")

    assert response.status_code == 200
    assert "No map until the filters above are fixed" in response.text


def test_the_outline_every_map_draws_is_one_file_a_browser_keeps(client):
    current = client.get(f"/map/land.svg?v={settings.RELEASE}")

    assert current.status_code == 200
    assert current["Content-Type"].startswith("image/svg+xml")
    assert "immutable" in current["Cache-Control"]
    assert "max-age=31536000" in current["Cache-Control"]
    drawn = dict(re.findall(r'<path id="land-([a-z]{2})" d="([^"]+)"/>', current.text))
    assert drawn == {code.lower(): d for code, d in world()["countries"].items()}
    # asked for without this release's mark (an old page): kept only for an hour
    assert "immutable" not in client.get("/map/land.svg?v=old")["Cache-Control"]
    page = client.get("/map/")
    assert f'<use class="land" href="/map/land.svg?v={settings.RELEASE}#land"/>' in page.text
    assert "<path" not in page.text
