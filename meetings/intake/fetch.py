"""Fetching an article's page by URL, when the site allows it (settings.INTAKE_ALLOW_FETCH).

The server must not be made to reach its own network: every address a host name resolves to
must be public, the connection goes to the address that was checked (so DNS cannot change its
answer in between), and each redirect is checked the same way. Size and time are capped: the
time by the wall clock, for the whole fetch with its redirects. A socket's own timeout only
bounds each wait for a byte, so a server that trickles its headers or its page a byte at a time
would hold the worker for ever; a watchdog shuts the fetch's sockets when the deadline passes,
whatever they are waiting for, and the name lookup is waited for no longer either.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as LookupTimeout
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

USER_AGENT = "Mozilla/5.0 (compatible; meetings-tracker article reader)"
MAX_REDIRECTS = 3
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 65536
# seconds a fetch may take in all, unless settings.INTAKE_FETCH_SECONDS says otherwise
DEFAULT_SECONDS = 10
# name lookups run here, so that a slow resolver is waited for no longer than the deadline
_lookups = ThreadPoolExecutor(max_workers=4, thread_name_prefix="intake-dns")


class FetchError(Exception):
    """The page could not be fetched; str(error) is a message for the editor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _address_allowed(ip: IPAddress) -> bool:
    """Only public addresses: none private, loopback, link-local, multicast, reserved or unset."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not _address_allowed(embedded):
            return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


class Watchdog:
    """Shuts every socket of one fetch when its deadline passes."""

    def __init__(self, deadline: float):
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    """Wake whatever waits on sock: the plain socket's shutdown, beneath TLS too."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watched(base: type, watchdog: Watchdog) -> type:
    """base (urllib3's connection class) with its new sockets handed to the watchdog."""

    class Watched(base):
        def _new_conn(self):
            sock = super()._new_conn()
            watchdog.watch(sock)
            return sock

    return Watched


def fetch_url(url: str, *, timeout: float | None = None, max_bytes: int = 5_000_000) -> bytes:
    """The body of the page at url, following at most 3 redirects, within timeout seconds of
    wall-clock time in all (default: settings.INTAKE_FETCH_SECONDS, else 10); raises
    FetchError."""
    if not getattr(settings, "INTAKE_ALLOW_FETCH", False):
        raise FetchError(
            "Fetching pages is turned off on this site; paste the text or upload the saved page."
        )
    if timeout is None:
        timeout = getattr(settings, "INTAKE_FETCH_SECONDS", DEFAULT_SECONDS)
    deadline = time.monotonic() + timeout
    watchdog = Watchdog(deadline)
    try:
        return _fetch(url, deadline, timeout, watchdog, max_bytes)
    finally:
        watchdog.cancel()


def _fetch(url: str, deadline: float, timeout: float, watchdog: Watchdog, max_bytes: int) -> bytes:
    for _ in range(MAX_REDIRECTS + 1):
        pool, response = _open(url, deadline, timeout, watchdog)
        try:
            if response.status in REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"The site answered with a redirect to nowhere ({url}).")
                url = urljoin(url, location.strip())
                continue
            if response.status >= 400:
                raise FetchError(f"The site answered with an error (HTTP {response.status}).")
            if not 200 <= response.status < 300:
                raise FetchError(f"The site gave an unexpected answer (HTTP {response.status}).")
            return _read(response, deadline, max_bytes, watchdog)
        finally:
            response.release_conn()
            response.close()
            pool.close()
    raise FetchError("The page redirects too many times; paste the text or upload the page.")


def _split(url: str) -> tuple[str, str, int, str, str]:
    """Scheme, host, port, path with query, and the Host header of an http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise FetchError("That is not a valid web address.") from error
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError("Only http:// and https:// addresses can be fetched.")
    host = parts.hostname
    if not host:
        raise FetchError("That is not a valid web address.")
    if parts.username or parts.password:
        raise FetchError("Addresses with a user name or password cannot be fetched.")
    default = 443 if scheme == "https" else 80
    port = port or default
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host_header = f"[{host}]" if ":" in host else host
    if port != default:
        host_header += f":{port}"
    return scheme, host, port, path, host_header


def resolve(host: str, port: int, deadline: float | None = None) -> list[IPAddress]:
    """Every address host resolves to; FetchError unless all of them are public, or when the
    lookup outlasts the deadline."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        lookup = _lookups.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            infos = lookup.result(timeout=wait)
        except LookupTimeout as error:
            raise FetchError(f"The site {host} took too long to answer.") from error
        except (socket.gaierror, UnicodeError, OSError) as error:
            raise FetchError(f"The site {host} could not be found.") from error
        addresses = []
        for *_, sockaddr in infos:
            ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
            if ip not in addresses:
                addresses.append(ip)
    if not addresses:
        raise FetchError(f"The site {host} could not be found.")
    if not all(_address_allowed(ip) for ip in addresses):
        raise FetchError(f"{host} is a private or local address; only public sites are fetched.")
    return addresses


def _open(url: str, deadline: float, timeout: float, watchdog: Watchdog):
    scheme, host, port, path, host_header = _split(url)
    addresses = resolve(host, port, deadline)
    headers = {
        "Host": host_header,
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    last_error: Exception | None = None
    for ip in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        per_call = urllib3.Timeout(connect=min(remaining, timeout), read=min(remaining, timeout))
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                str(ip),
                port,
                timeout=per_call,
                retries=False,
                maxsize=1,
                cert_reqs="CERT_REQUIRED",
                server_hostname=host,
                assert_hostname=host,
            )
        else:
            pool = urllib3.HTTPConnectionPool(
                str(ip), port, timeout=per_call, retries=False, maxsize=1
            )
        pool.ConnectionCls = _watched(pool.ConnectionCls, watchdog)
        try:
            response = pool.urlopen(
                "GET",
                path,
                headers=headers,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except Exception as error:
            if not watchdog.fired:
                pool.close()
                last_error = error
                if isinstance(error, urllib3.exceptions.SSLError):
                    raise FetchError(f"The site {host} has no valid secure connection.") from error
                if isinstance(error, urllib3.exceptions.NewConnectionError):
                    continue  # refused: try the next address
                if isinstance(error, urllib3.exceptions.TimeoutError):
                    break
                continue  # the connection failed otherwise: try the next address
            pool.close()
            raise FetchError(f"The site {host} took too long to answer.") from error
        if watchdog.fired:  # the headers were cut short by the deadline
            response.close()
            pool.close()
            raise FetchError(f"The site {host} took too long to answer.")
        return pool, response
    timed_out = isinstance(last_error, urllib3.exceptions.TimeoutError) and not isinstance(
        last_error, urllib3.exceptions.NewConnectionError
    )
    if timed_out or time.monotonic() >= deadline:
        raise FetchError(f"The site {host} took too long to answer.") from last_error
    raise FetchError(f"The site {host} could not be reached.") from last_error


def _read(response, deadline: float, max_bytes: int, watchdog: Watchdog) -> bytes:
    too_big = f"The page is larger than {max_bytes / 1_000_000:g} MB."
    length = response.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(too_big)
    body = bytearray()
    try:
        for chunk in response.stream(CHUNK, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(too_big)
            if time.monotonic() > deadline:
                raise FetchError("The site took too long to send the page.")
    except FetchError:
        raise
    except Exception as error:
        if watchdog.fired or isinstance(error, urllib3.exceptions.TimeoutError):
            raise FetchError("The site took too long to send the page.") from error
        raise FetchError("The connection broke while the page was being read.") from error
    if watchdog.fired:  # the page was cut short by the deadline
        raise FetchError("The site took too long to send the page.")
    return bytes(body)
