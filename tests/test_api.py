"""The JSON API: its OpenAPI description holds, every documented address answers as described,
filters are those of /meetings/, bad parameters get 400 with a JSON error, drafts stay out,
answers are conditional and cacheable, and each client address is rate limited."""

import datetime
import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate

from meetings import api
from meetings.models import DataVersion, Meeting

pytestmark = pytest.mark.django_db

DOC = api.description()


def schema_of(path: str, status: str = "200") -> dict:
    ref = DOC["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    return {**ref, "components": DOC["components"]}


def assert_matches(body: dict, path: str, status: str = "200") -> None:
    validator = Draft202012Validator(schema_of(path, status), format_checker=FormatChecker())
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert not problems, problems


def test_the_openapi_description_is_valid_and_served_at_its_address(client):
    validate(DOC)
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert set(response.json()["paths"]) == set(DOC["paths"])


def test_every_documented_address_answers_as_described(client, seed_meeting, wang_yi):
    values = {
        "{id}": str(seed_meeting.pk),
        "{code}": "in",
    }
    slugs = {
        "officials": "s-jaishankar",
        "topics": "trade",
        "venues": "kuala-lumpur",
        "occasions": "asean-summit-2025",
    }
    for path in DOC["paths"]:
        address = path
        for stand_in, value in values.items():
            address = address.replace(stand_in, value)
        if "{slug}" in address:
            address = address.replace("{slug}", slugs[address.split("/")[3]])
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert_matches(body, path)
        if "results" in body:
            assert body["results"], f"{address} lists nothing: the check would mean little"


def test_a_meeting_in_the_list_and_on_its_own_carries_its_addresses(client, seed_meeting):
    body = client.get("/api/v1/meetings/").json()
    [row] = body["results"]
    assert row["title"] == "Jaishankar–Rubio talks in Kuala Lumpur"
    assert row["countries"] == ["IN", "US"]
    assert row["site_url"] == f"http://testserver/meetings/{seed_meeting.pk}/"
    assert row["venue"]["country"] == "MY"
    detail = client.get(row["url"]).json()
    assert detail["id"] == seed_meeting.pk
    assert detail["uid"] == str(seed_meeting.uid)
    assert [p["official"]["slug"] for p in detail["participants"]] == [
        "s-jaishankar",
        "marco-rubio",
    ]
    assert detail["participants"][1]["title"] == "Secretary of State"
    assert detail["sources"][0]["quote"] == "They met."
    assert client.get(detail["venue"]["url"]).json()["name"] == "Kuala Lumpur"


def test_an_official_comes_with_the_positions_held(client, seed_meeting):
    body = client.get("/api/v1/officials/marco-rubio/").json()
    assert [p["title"] for p in body["positions"]] == ["Senator for Florida", "Secretary of State"]
    assert body["positions"][0]["end"] == "2025-01-20"
    assert body["meetings"] == 1
    listed = client.get(body["meetings_url"]).json()
    assert [m["id"] for m in listed["results"]] == [seed_meeting.pk]


def test_the_list_takes_the_filters_of_the_meetings_page(
    client, seed_meeting, make_meeting, jaishankar, wang_yi, trade
):
    other = make_meeting(jaishankar, wang_yi, date=datetime.date(2025, 11, 2), topics=[trade])
    pair = client.get("/api/v1/meetings/?country=in&country=us").json()
    assert [m["id"] for m in pair["results"]] == [seed_meeting.pk]
    by_name = client.get("/api/v1/meetings/?country=India&country=China").json()
    assert [m["id"] for m in by_name["results"]] == [other.pk]
    on_trade = client.get("/api/v1/meetings/?topic=trade").json()
    assert [m["id"] for m in on_trade["results"]] == [other.pk, seed_meeting.pk]
    since = client.get("/api/v1/meetings/?from=2025-11-01").json()
    assert [m["id"] for m in since["results"]] == [other.pk]


def test_pages_link_to_each_other_and_keep_the_filters(
    client, seed_meeting, make_meeting, jaishankar, rubio
):
    for day in range(1, 5):
        make_meeting(jaishankar, rubio, date=datetime.date(2024, 3, day))
    first = client.get("/api/v1/meetings/?country=in&per_page=2").json()
    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    second = client.get(first["next"]).json()
    assert "country=in" in first["next"]
    assert second["page"] == 2
    assert client.get(second["previous"]).json()["results"] == first["results"]
    seen = {m["id"] for page in (first, second) for m in page["results"]}
    assert len(seen) == 4


def test_drafts_are_not_in_the_api(client, seed_meeting, make_meeting, jaishankar, wang_yi):
    draft = make_meeting(jaishankar, wang_yi, status=Meeting.Status.DRAFT)
    response = client.get(f"/api/v1/meetings/{draft.pk}/")
    assert response.status_code == 404
    assert "error" in response.json()
    assert client.get("/api/v1/officials/wang-yi/").status_code == 404
    listed = client.get("/api/v1/meetings/").json()["results"]
    assert [m["id"] for m in listed] == [seed_meeting.pk]


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999999999999999999",
        "page=2",  # past the last page
        "per_page=1000",
        "per_page=1.5",
        "country=zz",
        "country=in%00",
        "official=Jai%00shankar",
        "q=tariffs%00",
        "from=yesterday",
        "from=2025-12-01&to=2025-01-01",
        "kind=teleport",
        "contry=in",
        "page=%EF%BC%91",  # a full-width digit one
    ],
)
def test_a_bad_parameter_gets_400_with_a_json_error(client, seed_meeting, query):
    response = client.get(f"/api/v1/meetings/?{query}")
    assert response.status_code == 400, query
    body = response.json()
    assert body["error"]["status"] == 400
    assert body["error"]["message"]
    assert_matches(body, "/api/v1/meetings/", "400")


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/officials/?page=x",
        "/api/v1/countries/?per_page=0",
        "/api/v1/topics/?page=5",
        "/api/v1/venues/?sort=name",
    ],
)
def test_bad_parameters_of_the_other_lists_get_400(client, seed_meeting, address):
    response = client.get(address)
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_unknown_objects_and_addresses_get_a_json_404(client, seed_meeting):
    for address in [
        "/api/v1/meetings/999999/",
        "/api/v1/countries/zz/",
        "/api/v1/topics/no-such-topic/",
        "/api/v1/nothing-here/",
    ]:
        response = client.get(address)
        assert response.status_code == 404, address
        assert response.json()["error"]["status"] == 404


def test_the_api_only_reads(client, seed_meeting):
    response = client.post("/api/v1/meetings/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_answers_carry_the_sites_caching_headers_and_revalidate(client, seed_meeting):
    response = client.get("/api/v1/meetings/")
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert response["ETag"] and response["Last-Modified"]
    again = client.get("/api/v1/meetings/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


@pytest.mark.django_db(transaction=True)
def test_a_change_to_the_data_changes_the_etag(client, seed_meeting, make_meeting, jaishankar):
    DataVersion.objects.get_or_create(pk=1, defaults={"changed_at": seed_meeting.created_at})
    before = client.get("/api/v1/meetings/")["ETag"]
    make_meeting(jaishankar, date=datetime.date(2025, 12, 1))
    after = client.get("/api/v1/meetings/", headers={"if-none-match": before})
    assert after.status_code == 200
    assert len(after.json()["results"]) == 2


def test_a_client_past_its_rate_limit_gets_429_with_retry_after(client, seed_meeting, settings):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW = 60
    for _ in range(3):
        assert client.get("/api/v1/topics/").status_code == 200
    refused = client.get("/api/v1/meetings/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Too many requests" in refused.json()["error"]["message"]
    assert_matches(refused.json(), "/api/v1/meetings/", "429")
    # another address has its own count
    assert client.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.7").status_code == 200
    # the site's pages are not limited
    assert client.get("/meetings/").status_code == 200


def test_behind_the_proxy_the_limit_counts_the_address_the_proxy_gives(
    client, seed_meeting, settings
):
    settings.API_RATE_LIMIT = 1
    settings.BEHIND_PROXY = True
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.9, 198.51.100.1"}
    assert client.get("/api/v1/", **first).status_code == 200
    assert client.get("/api/v1/", **first).status_code == 429
    # what the client wrote before the proxy's address is not believed
    spoofed = {"HTTP_X_FORWARDED_FOR": "203.0.113.10, 198.51.100.1"}
    assert client.get("/api/v1/", **spoofed).status_code == 429
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert client.get("/api/v1/", **other).status_code == 200


def test_a_limit_of_zero_limits_nothing(client, seed_meeting, settings):
    settings.API_RATE_LIMIT = 0
    assert all(client.get("/api/v1/").status_code == 200 for _ in range(5))


def test_json_keeps_names_readable(client, seed_meeting):
    raw = client.get(f"/api/v1/meetings/{seed_meeting.pk}/").content.decode()
    assert "Jaishankar–Rubio" in raw
    assert json.loads(raw)["title"] == "Jaishankar–Rubio talks in Kuala Lumpur"


def test_a_search_that_finds_nothing_says_what_it_probably_meant(client, seed_meeting):
    body = client.get("/api/v1/meetings/?q=sidelnes").json()
    assert body["results"] == []
    assert body["did_you_mean"] == "sidelines"
    assert_matches(body, "/api/v1/meetings/")
    again = client.get("/api/v1/meetings/", {"q": body["did_you_mean"]}).json()
    assert [m["id"] for m in again["results"]] == [seed_meeting.pk]
    assert again["did_you_mean"] is None
