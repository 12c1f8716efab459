"""Fetching an article keeps to its deadline by the wall clock, even when the server sends its
headers or its page a byte at a time (each byte well within a socket's timeout). The servers
here are real sockets on the loopback, trickling for at most 20 seconds."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from meetings.intake import fetch
from meetings.intake.fetch import FetchError, fetch_url
from meetings.models import Meeting

TRICKLE_FOR = 20  # seconds a trickling server keeps going, so a broken deadline fails, not hangs
DRIP = 0.2  # seconds between bytes


def trickle(conn: socket.socket, head: bytes, drip: bytes) -> None:
    """Send head at once, then drip one byte at a time until the client goes or time is up."""
    try:
        conn.recv(65536)
        conn.sendall(head)
        stop = time.monotonic() + TRICKLE_FOR
        i = 0
        while time.monotonic() < stop:
            conn.sendall(drip[i % len(drip) : i % len(drip) + 1])
            i += 1
            time.sleep(DRIP)
    except OSError:
        pass
    finally:
        conn.close()


ANSWERS = {
    # the status line, then headers a byte at a time, never ending
    "headers": (b"HTTP/1.1 200 OK\r\n", b"X-Padding: aaaaaaaaaa\r\n"),
    # whole headers, then a page of a megabyte a byte at a time
    "body": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n",
        b"<p>They met.</p>",
    ),
    # nothing at all after the connection is accepted
    "silence": (b"", b""),
}


@pytest.fixture(scope="module")
def trickler():
    """A server per kind of answer: {kind: "http://127.0.0.1:port/"}."""
    servers, threads, urls = [], [], {}
    for kind, (head, drip) in ANSWERS.items():
        server = socket.create_server(("127.0.0.1", 0))
        server.settimeout(0.5)
        servers.append(server)
        urls[kind] = f"http://127.0.0.1:{server.getsockname()[1]}/article"

        def serve(server=server, head=head, drip=drip):
            while True:
                try:
                    conn, _ = server.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                if drip:
                    threading.Thread(target=trickle, args=(conn, head, drip), daemon=True).start()
                else:
                    threading.Thread(target=_hold, args=(conn,), daemon=True).start()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        threads.append(thread)
    yield urls
    for server in servers:
        server.close()


def _hold(conn: socket.socket) -> None:
    time.sleep(TRICKLE_FOR)
    conn.close()


@pytest.fixture
def loopback_allowed(settings, monkeypatch):
    """The loopback is allowed for these tests only: the servers are on this machine."""
    settings.INTAKE_ALLOW_FETCH = True
    real = fetch._address_allowed
    monkeypatch.setattr(fetch, "_address_allowed", lambda ip: ip.is_loopback or real(ip))


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("headers", "The site 127.0.0.1 took too long to answer."),
        ("body", "The site took too long to send the page."),
        ("silence", "The site 127.0.0.1 took too long to answer."),
    ],
)
def test_a_trickling_server_is_given_up_on_at_the_deadline(
    loopback_allowed, trickler, kind, message
):
    started = time.monotonic()
    with pytest.raises(FetchError) as error:
        fetch_url(trickler[kind], timeout=1.5)
    took = time.monotonic() - started
    assert str(error.value) == message
    assert 1.4 < took < 2.5, f"the fetch took {took:.1f} s for a deadline of 1.5 s"


def test_the_deadline_is_ten_seconds_unless_the_site_says(settings):
    assert fetch.DEFAULT_SECONDS == 10


def test_the_article_form_says_the_site_was_too_slow_within_the_deadline(
    loopback_allowed, trickler, settings, admin_client
):
    settings.INTAKE_FETCH_SECONDS = 2
    started = time.monotonic()
    response = admin_client.post(
        "/admin/meetings/meeting/from-article/",
        {"url": trickler["body"], "fetch": "on", "text": ""},
    )
    took = time.monotonic() - started
    assert response.status_code == 200
    assert "The site took too long to send the page." in response.text
    assert took < 3.5, f"the editor waited {took:.1f} s for a deadline of 2 s"
    assert not Meeting.objects.exists()
