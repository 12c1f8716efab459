"""The article fetch never reaches the server's own network: every notation of a private,
local or reserved address is refused before any connection, directly and behind a redirect
from a public page. Only literal addresses and names this machine resolves itself are used:
no test here asks a DNS server."""

from __future__ import annotations

import http.server
import ipaddress
import socket
import threading
from urllib.parse import quote, unquote, urlsplit

import pytest

from meetings.intake import fetch
from meetings.intake.fetch import FetchError, fetch_url

PRIVATE = "private or local address"

# (address, why it is refused)
ADDRESSES = [
    # the loopback, in every notation a resolver accepts
    ("http://127.0.0.1/", PRIVATE),
    ("http://127.1/", PRIVATE),
    ("http://127.0.1/", PRIVATE),
    ("http://127.255.255.254/", PRIVATE),
    ("http://2130706433/", PRIVATE),
    ("http://0x7f000001/", PRIVATE),
    ("http://0x7f.0.0.1/", PRIVATE),
    ("http://0177.0.0.1/", PRIVATE),
    ("http://017700000001/", PRIVATE),
    ("http://localhost/", PRIVATE),
    ("http://LOCALHOST/", PRIVATE),
    ("http://localhost:8000/admin/", PRIVATE),
    ("http://[::1]/", PRIVATE),
    ("http://[0:0:0:0:0:0:0:1]/", PRIVATE),
    ("http://[::ffff:127.0.0.1]/", PRIVATE),
    ("http://[::ffff:7f00:1]/", PRIVATE),
    ("http://[0:0:0:0:0:ffff:127.0.0.1]/", PRIVATE),
    ("http://[::127.0.0.1]/", PRIVATE),
    # "this host" and unspecified
    ("http://0.0.0.0/", PRIVATE),
    ("http://0/", PRIVATE),
    ("http://[::]/", PRIVATE),
    # private networks
    ("http://10.0.0.1/", PRIVATE),
    ("http://10.255.255.255/", PRIVATE),
    ("http://172.16.0.1/", PRIVATE),
    ("http://172.31.255.255/", PRIVATE),
    ("http://192.168.0.1/", PRIVATE),
    ("http://192.168.1.1:8080/", PRIVATE),
    ("http://0xa000001/", PRIVATE),
    ("http://012.0.0.1/", PRIVATE),
    ("http://[fd00::1]/", PRIVATE),
    ("http://[fc00::1]/", PRIVATE),
    ("http://[::ffff:10.0.0.1]/", PRIVATE),
    ("http://[::ffff:192.168.1.1]/", PRIVATE),
    # link-local: the cloud metadata services
    ("http://169.254.169.254/latest/meta-data/", PRIVATE),
    ("http://169.254.170.2/v2/credentials", PRIVATE),
    ("http://2852039166/", PRIVATE),
    ("http://[fe80::1]/", PRIVATE),
    ("http://[fd00:ec2::254]/", PRIVATE),
    ("http://[::ffff:169.254.169.254]/", PRIVATE),
    # shared, documentation, benchmarking, reserved, multicast, broadcast
    ("http://100.64.0.1/", PRIVATE),
    ("http://100.127.255.254/", PRIVATE),
    ("http://192.0.0.8/", PRIVATE),
    ("http://192.0.2.1/", PRIVATE),
    ("http://198.18.0.1/", PRIVATE),
    ("http://198.51.100.1/", PRIVATE),
    ("http://203.0.113.1/", PRIVATE),
    ("http://240.0.0.1/", PRIVATE),
    ("https://255.255.255.255/", PRIVATE),
    ("http://224.0.0.1/", PRIVATE),
    ("http://[ff02::1]/", PRIVATE),
    ("http://[2001:db8::1]/", PRIVATE),
    # IPv6 that carries a private IPv4 address inside it
    ("http://[2002:7f00:1::]/", PRIVATE),
    ("http://[2002:a00:1::]/", PRIVATE),
    ("http://[64:ff9b::7f00:1]/", PRIVATE),
    ("http://[64:ff9b::a00:1]/", PRIVATE),
    ("http://[64:ff9b::a9fe:a9fe]/", PRIVATE),
    # other schemes and disguises
    ("file:///etc/passwd", "Only http:// and https://"),
    ("ftp://127.0.0.1/", "Only http:// and https://"),
    ("gopher://127.0.0.1:6379/_INFO", "Only http:// and https://"),
    ("dict://127.0.0.1:11211/stat", "Only http:// and https://"),
    ("javascript:alert(1)", "Only http:// and https://"),
    ("//127.0.0.1/", "Only http:// and https://"),
    ("http://user:pass@example.com/", "user name or password"),
    ("http://example.com@127.0.0.1/", "user name or password"),
    ("http://127.0.0.1#@example.com/", PRIVATE),
    ("http://127.0.0.1:80\\@example.com/", "user name or password"),
    ("http://[::1/", "not a valid web address"),
    ("http:///nothing", "not a valid web address"),
    ("http://127.0.0.1:99999/", "not a valid web address"),
]


@pytest.fixture
def fetching_on(settings):
    settings.INTAKE_ALLOW_FETCH = True


def test_the_list_covers_fifty_notations():
    assert len(ADDRESSES) >= 50


@pytest.mark.parametrize(("url", "reason"), ADDRESSES, ids=[a for a, _ in ADDRESSES])
def test_an_address_of_the_servers_own_network_is_refused(fetching_on, url, reason):
    with pytest.raises(FetchError) as error:
        fetch_url(url, timeout=3)
    assert reason in str(error.value)


# Behind a redirect: a public page (this test's server, the only loopback address let through)
# sends the fetch elsewhere.


class Redirector(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        target = unquote(self.path.split("?to=", 1)[1]) if "?to=" in self.path else "/"
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def redirector():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def only_the_redirector(fetching_on, monkeypatch, redirector):
    """127.0.0.1 counts as public for this test; every other local address stays refused."""
    real = fetch._address_allowed
    monkeypatch.setattr(fetch, "_address_allowed", lambda ip: str(ip) == "127.0.0.1" or real(ip))
    return redirector


def resolves_to_the_redirector(url: str) -> bool:
    """Whether url leads to 127.0.0.1, which the redirect tests let through."""
    host = urlsplit(url).hostname or ""
    try:
        found = {info[4][0] for info in socket.getaddrinfo(host, 80, type=socket.SOCK_STREAM)}
    except OSError:
        return False
    return any(
        ipaddress.ip_address(a.split("%")[0]) == ipaddress.ip_address("127.0.0.1") for a in found
    )


REDIRECTED = [
    url
    for url, reason in ADDRESSES
    if reason == PRIVATE and "@" not in url and not resolves_to_the_redirector(url)
]
REDIRECTED += ["file:///etc/passwd", "gopher://10.0.0.1:70/"]


@pytest.mark.parametrize("target", REDIRECTED)
def test_a_redirect_to_the_servers_own_network_is_refused(only_the_redirector, target):
    with pytest.raises(FetchError) as error:
        fetch_url(f"http://127.0.0.1:{only_the_redirector}/go?to={quote(target)}", timeout=3)
    assert PRIVATE in str(error.value) or "Only http:// and https://" in str(error.value)
