"""The visual timeline: /timeline/?period= zooms from every year down to a day, for any
selection; a bad period is answered 400 with a message."""

import datetime
import re

import pytest

from meetings.timeline import BadPeriod, Period

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def history(make_meeting, jaishankar, rubio, wang_yi, kuala_lumpur):
    """India–US in 1995, then nothing until 2022, and 2025; China–US in 2025."""
    return {
        "old": make_meeting(jaishankar, rubio, date=D(1995, 5, 12), venue=kuala_lumpur),
        "gap": make_meeting(jaishankar, rubio, date=D(2022, 3, 2)),
        "seed": make_meeting(jaishankar, rubio, date=D(2025, 10, 27), venue=kuala_lumpur),
        "china": make_meeting(rubio, wang_yi, date=D(2025, 10, 28), kind="call"),
    }


def bars(response) -> dict[str, str]:
    """The zoom links of the picture: {period: what a screen reader says of it}."""
    found = {}
    for period, text in re.findall(
        r'<a href="\?(?:[^"]*&amp;)?period=([^"&]+)[^"]*"[^>]*>(.*?)</a>', response.text, re.S
    ):
        if 'class="tl-count"' in text:
            spoken = re.sub(r'<(span|svg)[^>]*aria-hidden="true".*?</\1>', " ", text, flags=re.S)
            found[period] = " ".join(re.sub(r"<[^>]+>", " ", spoken).split())
    return found


@pytest.mark.parametrize(
    ("text", "level", "start", "end"),
    [
        ("", "all", None, None),
        ("1990s", "decade", D(1990, 1, 1), D(1999, 12, 31)),
        ("1994", "year", D(1994, 1, 1), D(1994, 12, 31)),
        ("1996-02", "month", D(1996, 2, 1), D(1996, 2, 29)),
        ("1994-05-12", "day", D(1994, 5, 12), D(1994, 5, 12)),
    ],
)
def test_a_period_in_the_address_names_its_zoom_and_dates(text, level, start, end):
    period = Period.parse(text)

    assert (period.level, period.start, period.end) == (level, start, end)
    assert period.value == text, "the address it makes is the one it was read from"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yesterday", "is not a period"),
        ("1995s", "A decade starts with a year ending in 0"),
        ("1994-13", "A month is a number from 01 to 12"),
        ("1994-02-30", "is not a day of the calendar"),
        ("0199", "The timeline covers the years 1800 to 2100"),
    ],
)
def test_a_bad_period_says_what_a_period_is(text, message):
    with pytest.raises(BadPeriod, match=message):
        Period.parse(text)


@pytest.mark.parametrize("period", ["yesterday", "1995s", "1994-13", "1994-02-30", "99999", "\x00"])
def test_the_timeline_answers_a_bad_period_with_400_and_a_message(client, history, period):
    response = client.get("/timeline/", {"period": period})

    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert "See every year" in response.text


def test_the_timeline_of_everything_shows_years_that_zoom_in(client, history):
    response = client.get("/timeline/")

    assert response.status_code == 200
    found = bars(response)
    assert found["1995"] == "1 meeting in 1995: 1 in person"
    assert found["2025"] == "2 meetings in 2025: 1 in person, 1 phone call"
    assert "2000" not in found, "an empty year is no link"
    assert "first meeting since 1995" in found["2022"], "a long gap is said"


def test_zooming_goes_from_a_decade_to_a_year_to_a_month(client, history):
    decade = bars(client.get("/timeline/?period=2020s"))
    assert decade == {
        "2022": "1 meeting in 2022: 1 in person (first meeting since 1995)",
        "2025": "2 meetings in 2025: 1 in person, 1 phone call",
    }

    year = client.get("/timeline/?period=2025")
    assert bars(year) == {"2025-10": "2 meetings in October 2025: 1 in person, 1 phone call"}
    assert 'href="/timeline/?period=2020s" data-zoom="out"' in year.text

    month = client.get("/timeline/?period=2025-10")
    assert set(bars(month)) == {"2025-10-27", "2025-10-28"}
    assert "Each meeting" in month.text


def segments(response, period: str) -> list[tuple[str, float]]:
    """The drawn parts of a bar, bottom up: (kind, height in hundredths of the track)."""
    bar = re.search(rf'period={period}"[^>]*>.*?</svg>', response.text, re.S).group(0)
    return [
        (kind, float(height))
        for kind, height in re.findall(
            r'<rect class="k-([\w-]+)" y="[^"]+" [^>]*height="([^"]+)"', bar
        )
    ]


def test_each_bar_is_split_by_kind_with_a_legend_and_the_numbers_in_words(
    client, history, make_meeting, jaishankar, wang_yi
):
    make_meeting(jaishankar, wang_yi, date=D(2025, 3, 4), kind="virtual")
    make_meeting(jaishankar, wang_yi, date=D(2025, 3, 5), kind="virtual")
    response = client.get("/timeline/")

    assert bars(response)["2025"] == "4 meetings in 2025: 1 in person, 1 phone call, 2 video calls"
    assert 'title="2025: 4 meetings — 1 in person, 1 phone call, 2 video calls"' in response.text
    # the busiest year's bar fills the track, its parts in proportion, in person at the bottom
    assert segments(response, "2025") == [("in-person", 25), ("call", 25), ("virtual", 50)]
    assert segments(response, "1995") == [("in-person", 25)]
    legend = re.search(r'<p class="tl-legend".*?</p>', response.text, re.S).group(0)
    assert " ".join(re.sub(r"<[^>]+>", " ", legend).split()) == "In person Phone call Video call"

    year = client.get("/timeline/?period=2025")
    assert segments(year, "2025-03") == [("virtual", 100)]
    assert segments(year, "2025-10") == [("in-person", 50), ("call", 50)]

    # a month's days are not split: each meeting is a mark that says its kind
    month = client.get("/timeline/?period=2025-10")
    assert "tl-legend" not in month.text
    assert '<span class="kind">Phone call</span>' in month.text


def test_the_bars_of_a_selection_counted_from_its_meetings_are_split_too(client, history):
    response = client.get("/timeline/?country=us&kind=call")  # a kind: no tally describes it

    assert bars(response) == {"2025": "1 meeting in 2025: 1 phone call"}


def test_a_month_names_each_meeting_and_links_to_it(client, history):
    response = client.get("/timeline/?period=2025-10-27")

    assert response.status_code == 200
    mark = r'<li class="tl-mark[^"]*"><a href="(/meetings/\d+/)">(.*?)</a>'
    marks = re.findall(mark, response.text)
    assert [url for url, _ in marks] == [history["seed"].get_absolute_url()]
    words = " ".join(re.sub(r"<[^>]+>", " ", marks[0][1]).split())
    assert words == "27 Oct 2025 S. Jaishankar (IN), Marco Rubio (US)"


def test_the_timeline_keeps_the_filters_while_zooming(client, history):
    response = client.get("/timeline/?country=in&country=us&period=2025-10")

    assert set(bars(response)) == {"2025-10-27"}, "China–US on the 28th is not in the pair's"
    assert 'href="?country=in&amp;country=us&amp;period=2025-10-27"' in response.text
    assert "· 1 meeting</span>" in response.text


def test_a_period_before_the_first_meeting_says_there_is_none(client, history):
    response = client.get("/timeline/?period=1850-01")

    assert response.status_code == 200
    assert "No published meetings in January 1850" in response.text


def test_a_pair_page_shows_its_history_at_a_glance_with_the_gaps_named(client, history):
    response = client.get("/countries/in/us/")

    assert response.status_code == 200
    assert "At a glance, 1995–2025" in response.text
    gap = re.search(r'<ul class="gaps">(.*?)</ul>', response.text, re.S).group(1)
    words = " ".join(re.sub(r"<[^>]+>", " ", gap).split())
    assert words == "2022 : first meeting since 1995, after 26 years without one"
    assert 'href="/timeline/?country=in&amp;country=us&amp;period=2022"' in gap


def test_an_officials_terms_carry_their_meetings_and_a_lane_per_counterpart(client, history):
    response = client.get("/officials/marco-rubio/")

    assert response.status_code == 200
    chart = re.search(r'<svg class="terms-chart".*?</svg>', response.text, re.S).group(0)
    lanes = re.findall(r'<text class="lane-label"[^>]*>(.*?)</text>', chart)
    assert lanes == [
        "Secretary of State",
        "Senator for Florida",
        "Outside these posts",
        "With India",
        "With China",
    ]
    dots = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)">', chart)
    assert (
        "/timeline/?official=marco-rubio&amp;period=2022",
        "1 meeting in 2022 as Senator for Florida",
    ) in dots
    assert (
        "/timeline/?official=marco-rubio&amp;period=2025",
        "2 meetings in 2025 as Secretary of State",
    ) in dots
    assert (
        "/timeline/?official=marco-rubio&amp;country=cn&amp;period=2025",
        "1 meeting in 2025 with China",
    ) in dots


def test_an_officials_lanes_follow_his_meetings_as_they_change(client, history):
    """The lanes read the counts kept per year: a meeting moved to another year, or
    unpublished, moves or leaves its dot."""
    from meetings.services import writing

    def with_india(response) -> list[str]:
        chart = re.search(r'<svg class="terms-chart".*?</svg>', response.text, re.S).group(0)
        return re.findall(r'aria-label="(\d+ meetings? in \d+ with India)"', chart)

    before = with_india(client.get("/officials/marco-rubio/"))
    meeting = history["seed"]  # India–US, 27 October 2025
    with writing():
        meeting.date = meeting.date.replace(year=2024)
        meeting.save()
    moved = with_india(client.get("/officials/marco-rubio/"))
    with writing():
        meeting.status = meeting.Status.DRAFT
        meeting.save()
    gone = with_india(client.get("/officials/marco-rubio/"))

    assert "1 meeting in 2025 with India" in before and "1 meeting in 2024 with India" not in before
    assert "1 meeting in 2024 with India" in moved and "1 meeting in 2025 with India" not in moved
    assert "1 meeting in 2024 with India" not in gone and "1 meeting in 2025 with India" not in gone


def test_an_officials_dots_say_titles_and_countries_as_text(client, history, india):
    """The dots are drawn without escaping their numbers; the titles and countries they name
    still are."""
    from meetings.models import Position

    Position.objects.filter(title="Secretary of State").update(title="Secretary <b>&</b> Co")
    india.name = 'India "<i>"'
    india.save()

    response = client.get("/officials/marco-rubio/")

    chart = re.search(r'<svg class="terms-chart".*?</svg>', response.text, re.S).group(0)
    assert 'aria-label="2 meetings in 2025 as Secretary &lt;b&gt;&amp;&lt;/b&gt; Co"' in chart
    assert 'aria-label="1 meeting in 2025 with India &#34;&lt;i&gt;&#34;"' in chart
    assert 'href="/timeline/?official=marco-rubio&amp;country=in&amp;period=2025"' in chart
    assert "<b>" not in chart and "<i>" not in chart


def test_a_year_links_only_to_years_with_meetings_and_shows_its_busiest(client, history):
    response = client.get("/timeline/2022/")

    assert response.status_code == 200
    nav = re.search(r'aria-label="Other years with meetings">(.*?)</nav>', response.text, re.S)
    links = re.findall(r'href="(/timeline/\d+/)[^"]*">([^<]*)</a>', nav.group(1))
    assert links == [("/timeline/1995/", "← 1995"), ("/timeline/2025/", "2025 →")]
    side = re.search(r'<aside class="period-side".*?</aside>', response.text, re.S).group(0)
    assert re.search(r"India – United States</a></span> <span class=\"n\">1</span>", side)
    # counted from the year's own counts: nothing to say of how
    assert "with most meetings of all time" not in side


def test_a_years_busiest_are_its_own_even_when_not_the_busiest_of_all_time(
    client, history, monkeypatch
):
    from meetings.read.selection import Selection

    # a month is counted from the months of the pairs busiest of all time: here India–US alone
    monkeypatch.setattr(Selection, "CANDIDATES", 1)
    month = client.get("/timeline/2025/10/").text
    side = re.search(r'<aside class="period-side".*?</aside>', month, re.S).group(0)
    assert re.findall(r'<a href="/countries/(\w+)/(\w+)/">', side) == [("in", "us")]
    assert "for the 1 pairs and the 1 topics with most meetings of all time" in side

    # a year is counted from its own counts of every pair
    year = client.get("/timeline/2025/").text
    side = re.search(r'<aside class="period-side".*?</aside>', year, re.S).group(0)
    assert sorted(re.findall(r'<a href="/countries/(\w+)/(\w+)/">', side)) == [
        ("cn", "us"),
        ("in", "us"),
    ]


def test_a_filtered_year_counts_its_busiest_over_its_own_meetings(client, history):
    response = client.get("/timeline/2025/?country=us")

    side = re.search(r'<aside class="period-side".*?</aside>', response.text, re.S).group(0)
    pairs = re.findall(r'<a href="/countries/(\w+)/(\w+)/">', side)
    assert sorted(pairs) == [("cn", "us"), ("in", "us")]
    assert "with most meetings of all time" not in side


def test_a_month_shows_the_pairs_of_its_own_meetings(client, history):
    response = client.get("/timeline/2025/10/")

    side = re.search(r'<aside class="period-side".*?</aside>', response.text, re.S).group(0)
    pairs = re.findall(r'<a href="/countries/(\w+)/(\w+)/">', side)
    assert sorted(pairs) == [("cn", "us"), ("in", "us")]
    assert "India – United States" not in client.get("/timeline/2025/9/").text


def test_a_history_of_many_centuries_still_gets_a_readable_axis():
    from meetings.timeline import strip

    years = [{"year": y, "count": 1 if y in (1200, 2025) else 0} for y in range(1200, 2026)]
    drawn = strip(years)

    assert [t["label"] for t in drawn["ticks"]][:3] == ["1200", "1300", "1400"]
    assert drawn["gaps"] == [{"year": 2025, "since": 1200, "quiet": 824}]


def test_the_busiest_of_every_meeting_without_dates_are_counted_too(history):
    from meetings.read.selection import Selection

    busiest = Selection().busiest()

    assert [(p["a"].code, p["b"].code, p["count"]) for p in busiest["pairs"]][0] == ("IN", "US", 3)
