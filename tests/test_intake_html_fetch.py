"""Reading saved pages and pasted text, and fetching pages without reaching private networks."""

import datetime
import http.server
import ipaddress
import threading

import pytest

from meetings.intake import fetch
from meetings.intake.fetch import FetchError, fetch_url
from meetings.intake.html import ArticleError, clean_text, guess_language, read_html

SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Jaishankar meets Rubio in Kuala Lumpur | The Daily Wire</title>
<meta property="og:site_name" content="The Daily Wire">
<meta property="og:title" content="Jaishankar meets Rubio in Kuala Lumpur">
<meta property="article:published_time" content="2025-10-27T09:30:00+08:00">
<link rel="canonical" href="https://news.example.com/2025/10/27/jaishankar-rubio">
<script>var tracker = "TRACKING_SCRIPT"; window.dataLayer = [];</script>
<style>body { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<article>
<h1>Jaishankar meets Rubio in Kuala Lumpur</h1>
<p>External Affairs Minister S. Jaishankar met US Secretary of State Marco Rubio on the
sidelines of the ASEAN summit in Kuala Lumpur on Monday, and the two discussed trade and
defence.</p>
<p>&ldquo;We had a good conversation about the partnership,&rdquo; Jaishankar said after the
meeting, adding that both sides would keep working on a trade agreement.</p>
<script>document.write("INLINE_SCRIPT_JUNK")</script>
<p>Rubio said the United States valued its ties with India and looked forward to the Quad
meeting in New Delhi later this year.</p>
</article>
<footer>Copyright 2025 The Daily Wire. All rights reserved.</footer>
</body></html>
"""

FRENCH = (
    "Le ministre indien des Affaires étrangères a rencontré lundi le secrétaire d'État "
    "américain en marge du sommet de l'ASEAN à Kuala Lumpur. Les deux responsables ont évoqué "
    "le commerce, la défense et la coopération régionale, selon un communiqué publié par le "
    "ministère après la réunion."
)

GERMAN = (
    "Der indische Außenminister hat am Montag den amerikanischen Außenminister am Rande des "
    "ASEAN-Gipfels in Kuala Lumpur getroffen. Die beiden Politiker sprachen über Handel, "
    "Verteidigung und die regionale Zusammenarbeit, wie das Ministerium nach dem Treffen "
    "mitteilte."
)

ENGLISH = (
    "Prime Minister Anwar Ibrahim met Chinese Premier Li Qiang in Kuala Lumpur on Sunday. "
    "The two leaders discussed trade and investment, and said they would work together on "
    "regional security."
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


# Saved pages


def test_a_saved_page_gives_title_publisher_date_url_and_the_article_text():
    page = read_html(SAVED_PAGE.encode("utf-8"))
    assert page.title == "Jaishankar meets Rubio in Kuala Lumpur"
    assert page.publisher == "The Daily Wire"
    assert page.published_on == datetime.date(2025, 10, 27)
    assert page.url == "https://news.example.com/2025/10/27/jaishankar-rubio"
    assert "met US Secretary of State Marco Rubio" in page.text
    assert "\u201cWe had a good conversation" in page.text
    assert "Quad meeting in New Delhi" in page.text


def test_a_saved_page_loses_its_markup_scripts_and_menus():
    text = read_html(SAVED_PAGE.encode("utf-8")).text
    for junk in ("<", ">", "TRACKING_SCRIPT", "INLINE_SCRIPT_JUNK", "color: red", "World news"):
        assert junk not in text


def test_a_page_in_windows_1252_is_decoded_by_its_declared_charset():
    html = SAVED_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Jaishankar said", "Jaishankar said in a café"
    )
    page = read_html(html.encode("cp1252"))
    assert "in a café" in page.text


def test_a_page_without_a_declared_charset_falls_back_to_windows_1252():
    html = SAVED_PAGE.replace('<meta charset="utf-8">', "").replace("Monday", "Monday – late")
    page = read_html(html.encode("cp1252"))
    assert "Monday – late" in page.text


def test_a_page_without_a_canonical_address_or_date_leaves_them_blank():
    html = "<html><head><title>Talks</title></head><body><article><p>" + ENGLISH * 3
    page = read_html((html + "</p></article></body></html>").encode())
    assert page.url == ""
    assert page.published_on is None
    assert "Anwar Ibrahim met Chinese Premier Li Qiang" in page.text


def test_a_plain_text_file_is_read_as_text():
    page = read_html(ENGLISH.encode())
    assert page.text == ENGLISH
    assert page.title == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"  \n\t ", "The file is empty."),
        (PNG, "The file is an image, not a web page; upload the saved HTML page."),
        (b"%PDF-1.7\n...", "The file is a PDF, not a web page; upload the saved HTML page."),
        (b"abc\x00\x01\x02def" * 10, "The file is not text; upload the saved HTML page."),
        (b"<html><body><script>x()</script></body></html>", "The page has no readable text."),
        (b"x" * 6_000_000, "The file is larger than 5 MB."),
    ],
)
def test_a_file_that_is_no_article_is_refused_with_a_reason(data, message):
    with pytest.raises(ArticleError) as error:
        read_html(data)
    assert str(error.value) == message


def test_a_saved_page_in_french_is_refused():
    html = f"<html><body><article><p>{FRENCH}</p><p>{FRENCH}</p></article></body></html>"
    with pytest.raises(ArticleError, match="does not look like English"):
        read_html(html.encode())


# Pasted text


def test_pasted_text_is_tidied():
    pasted = "  Anwar met Li Qiang.\r\n\r\n\r\n\r\nThey  talked\tabout\x00 trade.\x07 \r\n"
    assert clean_text(pasted) == "Anwar met Li Qiang.\n\nThey talked about trade."


def test_pasted_english_text_is_kept_as_it_is():
    assert clean_text(ENGLISH) == ENGLISH


def test_pasted_html_is_turned_into_text():
    pasted = (
        "<div><p>Anwar Ibrahim <b>met</b> Li Qiang in Kuala Lumpur.</p>"
        "<script>alert('x')</script><p>They discussed trade.</p></div>"
    )
    text = clean_text(pasted)
    assert "Anwar Ibrahim met Li Qiang in Kuala Lumpur." in text
    assert "They discussed trade." in text
    assert "<" not in text
    assert "alert" not in text


def test_a_pasted_whole_page_is_read_like_a_saved_one():
    text = clean_text(SAVED_PAGE)
    assert "met US Secretary of State Marco Rubio" in text
    assert "TRACKING_SCRIPT" not in text
    assert "<" not in text


@pytest.mark.parametrize(
    ("foreign", "named"),
    [(FRENCH, " (it seems to be French)"), (GERMAN, " (it seems to be German)"),
     ("東京で日米首脳会談が開かれた。" * 5, "")],
)  # fmt: skip
def test_pasted_text_that_is_not_english_is_refused_naming_its_language(foreign, named):
    with pytest.raises(ArticleError) as error:
        clean_text(foreign)
    assert str(error.value) == (
        f"The text does not look like English{named}; the reader only understands English articles."
    )


SPANISH = (
    "El presidente de Uruguay recibió este lunes en el palacio de gobierno a su homólogo de "
    "Paraguay. Los dos mandatarios hablaron sobre los ríos y la energía, según un comunicado "
    "publicado por la cancillería tras la reunión."
)
PORTUGUESE = (
    "O presidente do Brasil recebeu nesta segunda-feira o presidente de Angola no palácio. "
    "Os dois líderes conversaram sobre petróleo e educação, segundo uma nota divulgada pelo "
    "governo após o encontro."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "English"), (FRENCH, "French"), (GERMAN, "German"), (SPANISH, "Spanish"),
     (PORTUGUESE, "Portuguese"), ("Modi met Xi.", None),
     # names with another language's little words in a short English report
     ("Kenyan President William Ruto held talks with European Commission President Ursula "
      "von der Leyen on Tuesday.", "English"),
     ("President Luiz Inácio Lula da Silva met Mayor Ana de la Cruz and Juan de los Santos "
      "in the capital.", "English"),
     ("東京で日米首脳会談が開かれた。" * 5, None)],
)  # fmt: skip
def test_the_language_of_a_text_is_told_by_its_function_words(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The text is empty."),
        (" \n\x00\t ", "The text is empty."),
        ("<p></p><script>nothing()</script>", "The text is empty."),
        ("word " * 1_200_000, "The text is larger than 5 MB."),
    ],
)
def test_pasted_text_that_cannot_be_read_is_refused_with_a_reason(text, message):
    with pytest.raises(ArticleError) as error:
        clean_text(text)
    assert str(error.value) == message


# Fetching: refusals, with the real address checks


@pytest.fixture
def fetching_on(settings):
    settings.INTAKE_ALLOW_FETCH = True


def test_fetching_is_refused_when_the_site_turns_it_off(settings):
    settings.INTAKE_ALLOW_FETCH = False
    with pytest.raises(FetchError) as error:
        fetch_url("https://example.com/")
    assert str(error.value) == (
        "Fetching pages is turned off on this site; paste the text or upload the saved page."
    )


def test_fetching_is_off_unless_the_setting_exists(settings):
    del settings.INTAKE_ALLOW_FETCH
    with pytest.raises(FetchError, match="turned off"):
        fetch_url("https://example.com/")


@pytest.mark.parametrize("url", ["ftp://example.com/a.html", "file:///etc/passwd", "example.com"])
def test_only_web_addresses_are_fetched(fetching_on, url):
    with pytest.raises(FetchError, match="Only http:// and https:// addresses can be fetched"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://localhost:8000/admin/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "https://240.0.0.1/",
    ],
)
def test_private_and_local_addresses_are_refused(fetching_on, url):
    with pytest.raises(FetchError, match="private or local address"):
        fetch_url(url)


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("93.184.215.14", True),
        ("2606:4700::6810:84e5", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("100.64.0.1", False),
        ("169.254.169.254", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::", False),
        ("2002:7f00:1::", False),
    ],
)
def test_only_public_addresses_are_allowed(address, allowed):
    assert fetch._address_allowed(ipaddress.ip_address(address)) is allowed


# Fetching from a small local server, with loopback allowed for the test only


class Handler(http.server.BaseHTTPRequestHandler):
    pages = {
        "/page": b"<html><head><title>Talks</title></head><body><p>They met.</p></body></html>",
    }

    def do_GET(self):
        if self.path == "/page":
            self._send(200, self.pages["/page"])
        elif self.path == "/host":
            self._send(200, f"Host: {self.headers['Host']}".encode())
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(6_000_000 // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Length", "6000000")
            self.end_headers()
        elif self.path.startswith("/hop/"):
            left = int(self.path.rsplit("/", 1)[1])
            self._redirect("/page" if left == 0 else f"/hop/{left - 1}")
        elif self.path == "/to-private":
            self._redirect("http://10.0.0.1/secret")
        elif self.path == "/missing":
            self._send(404, b"Not found")
        else:
            self._send(500, b"Oops")

    def _send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback_allowed(fetching_on, monkeypatch):
    real = fetch._address_allowed
    monkeypatch.setattr(fetch, "_address_allowed", lambda ip: ip.is_loopback or real(ip))


def test_a_page_is_fetched(loopback_allowed, local_server):
    body = fetch_url(f"{local_server}/page")
    assert body.startswith(b"<html><head><title>Talks</title>")


def test_a_host_name_is_connected_to_by_its_checked_address_and_named_in_the_request(
    loopback_allowed, local_server
):
    port = local_server.rsplit(":", 1)[1]
    assert fetch_url(f"http://localhost:{port}/host") == f"Host: localhost:{port}".encode()


def test_a_fetched_page_reads_as_an_article(loopback_allowed, local_server):
    page = read_html(fetch_url(f"{local_server}/page"))
    assert page.title == "Talks"
    assert "They met." in page.text


def test_up_to_three_redirects_are_followed(loopback_allowed, local_server):
    assert b"They met." in fetch_url(f"{local_server}/hop/2")


def test_a_fourth_redirect_is_refused(loopback_allowed, local_server):
    with pytest.raises(FetchError, match="redirects too many times"):
        fetch_url(f"{local_server}/hop/3")


def test_a_redirect_to_a_private_address_is_refused(loopback_allowed, local_server):
    with pytest.raises(FetchError, match="private or local address"):
        fetch_url(f"{local_server}/to-private")


def test_a_page_over_the_size_cap_is_refused_while_streaming(loopback_allowed, local_server):
    with pytest.raises(FetchError) as error:
        fetch_url(f"{local_server}/big")
    assert str(error.value) == "The page is larger than 5 MB."


def test_a_page_declaring_a_size_over_the_cap_is_refused(loopback_allowed, local_server):
    with pytest.raises(FetchError, match="larger than 5 MB"):
        fetch_url(f"{local_server}/big-declared")


def test_an_error_page_is_reported(loopback_allowed, local_server):
    with pytest.raises(FetchError) as error:
        fetch_url(f"{local_server}/missing")
    assert str(error.value) == "The site answered with an error (HTTP 404)."


def test_a_server_that_is_not_there_is_reported(loopback_allowed):
    with pytest.raises(FetchError, match="could not be reached"):
        fetch_url("http://127.0.0.1:9/", timeout=2)
