"""The bad-input lists: what a hostile or broken file does to the importer, and a hostile
paste or upload to the article intake. Each bad line is reported with its number and a reason
while the good lines around it import; each bad article gets a message on the form. Nothing
crashes, nothing half-saves."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from meetings.models import Meeting, Source
from tests.test_bulk import countries, meeting_line, run  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def raw(n: int, **fields) -> str:
    return json.dumps(meeting_line(n, **fields))


# (what the report says, the line as it is in the file)
BAD_LINES = [
    ("invalid JSON", "{"),
    ("invalid JSON", "}{"),
    ("invalid JSON", "[" * 100_000),
    ("invalid JSON", '{"uid": ' + "[" * 100_000),
    ("a line must hold an object", "null"),
    ("a line must hold an object", "true"),
    ("a line must hold an object", '"a string"'),
    ("a line must hold an object", "42"),
    ("missing uid", "{}"),
    ("NUL", raw(1, title="a\u0000b")),
    ("NUL", raw(2, summary="\u0000")),
    ("surrogate", raw(3, title="\ud800")),
    ("surrogate", raw(4, summary="a\udfffb")),
    ("title", raw(5, title=["not", "a", "string"])),
    ("title", raw(6, title={"a": 1})),
    ("title: longer than 200 characters", raw(7, title="x" * 10_000)),
    ("summary: longer than 5000 characters", raw(8, summary="y" * 100_000)),
    ("date", raw(9, date="0000-00-00")),
    ("date", raw(10, date="2025-02-30")),
    ("date", raw(11, date="99999-01-01")),
    ("date", raw(12, date=20251027)),
    ("date", raw(13, date=None)),
    ("uid", raw(14, uid="x" * 100)),
    ("uid", raw(15, uid=12)),
    ("latitude", raw(16, venue={"slug": "v16", "name": "V", "country": "MY", "latitude": 1e999})),
    ("latitude", raw(17, venue={"slug": "v17", "name": "V", "country": "MY", "latitude": 91})),
    ("longitude", raw(18, venue={"slug": "v18", "name": "V", "country": "MY", "longitude": "e"})),
    ("latitude", raw(19, venue={"slug": "v19", "name": "V", "country": "MY", "latitude": True})),
    ("venue", raw(20, venue="kuala-lumpur-unknown")),
    ("venue", raw(21, venue=[1, 2])),
    ("participants", raw(22, participants="Rubio")),
    ("participants", raw(23, participants=[None])),
    ("participants", raw(24, participants=[{"official": "nobody-known"}])),
    ("slug", raw(25, venue={"slug": "../../etc", "name": "V", "country": "MY"})),
    ("slug", raw(26, venue={"slug": "a" * 500, "name": "V", "country": "MY"})),
    ("NUL", raw(27, venue={"slug": "v27", "name": "V", "country": "my\u0000"})),
    ("country", raw(28, venue={"slug": "v28", "name": "V", "country": ["MY"]})),
    ("sources", raw(29, sources={"url": "https://example.org/"})),
    ("url", raw(30, sources=[{"url": "javascript:alert(1)", "quote": "x"}])),
    ("url", raw(31, sources=[{"url": "https://" + "a" * 600 + ".org/", "quote": "x"}])),
    ("topics", raw(32, topics="trade")),
    ("end_date", raw(33, end_date="2025-10-01")),
    ("date_precision", raw(34, date_precision="fortnight")),
    ("kind", raw(35, kind=7)),
]


def test_every_bad_line_is_reported_and_every_good_line_around_it_imports(tmp_path, countries):  # noqa: F811
    lines, expected = [], {}
    for n, (reason, bad) in enumerate(BAD_LINES):
        lines.append(raw(1000 + n))
        lines.append(bad)
        expected[len(lines)] = reason
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))

    out, err = run("import_meetings", str(path), "--batch-size", "7")

    reports = {}
    for message in err.splitlines():
        if message.startswith("line "):
            number = int(message.split()[1].rstrip(":,"))
            reports[number] = message
    missing = {n: reason for n, reason in expected.items() if n not in reports}
    assert not missing, f"bad lines not reported: {missing}\n{err}"
    for number, reason in expected.items():
        assert reason.lower() in reports[number].lower(), (reason, reports[number])
    assert Meeting.objects.count() == len(BAD_LINES)  # every good line
    assert f"{len(BAD_LINES)} created" in out


def test_a_file_that_is_not_utf8_is_reported_line_by_line(tmp_path, countries):  # noqa: F811
    path = tmp_path / "latin1.jsonl"
    latin1 = json.dumps(meeting_line(2, title="caf\xe9"), ensure_ascii=False).encode("latin-1")
    path.write_bytes(raw(1).encode() + b"\n" + latin1 + b"\n")
    out, err = run("import_meetings", str(path))
    assert "line 2" in err and "UTF-8" in err
    assert Meeting.objects.count() == 1


def test_a_file_with_a_byte_order_mark_and_windows_line_ends_imports(tmp_path, countries):  # noqa: F811
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + raw(1).encode() + b"\r\n" + raw(2).encode() + b"\r\n")
    out, err = run("import_meetings", str(path))
    assert Meeting.objects.count() == 2, err


# The article intake: what an editor (or a hostile one) pastes or uploads

INTAKE_URL = "/admin/meetings/meeting/from-article/"

PASTES = [
    ("", "Paste the article"),
    ("   \n\t  ", "Paste the article"),
    ("\x00" * 100, "Null characters are not allowed."),
    ("\ufeff\u200b\u200d\u202e", "does not look like English"),
    ("<script>alert(1)</script>", "The text is empty."),
    ("<p></p>" * 1000, "The text is empty."),
    ("\U0001f4a5" * 2000, "does not look like English"),
    ("Москва и Пекин провели переговоры о торговле." * 20, "does not look like English"),
    ("word " * 1_200_000, "The text is larger than 5 MB."),
]

UPLOADS = [
    (b"", "The submitted file is empty."),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "The file is an image"),
    (b"%PDF-1.7\n%\xe2\xe3", "The file is a PDF"),
    (b"\x1f\x8b\x08\x00" + b"\x00" * 50, "The file is a compressed file"),
    (b"<html><body><script>x()</script></body></html>", "The page has no readable text."),
    (b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00" * 10, "The page has no readable text."),
    (b"x" * 6_000_000, "The file is larger than 5 MB."),
]


@pytest.fixture
def editor_browser(editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return client


@pytest.mark.parametrize(("text", "message"), PASTES, ids=lambda v: repr(v)[:30])
def test_a_hostile_paste_gets_a_message_on_the_form(editor_browser, text, message):
    response = editor_browser.post(INTAKE_URL, {"text": text, "published_on": "2025-10-28"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'name="save"' not in response.content.decode()  # no review step
    assert not Source.objects.exists()


@pytest.mark.parametrize(("data", "message"), UPLOADS, ids=lambda v: repr(v)[:20])
def test_a_hostile_upload_gets_a_message_on_the_form(editor_browser, data, message):
    page = SimpleUploadedFile("article.html", data, content_type="text/html")
    response = editor_browser.post(INTAKE_URL, {"text": "", "page": page})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Source.objects.exists()
