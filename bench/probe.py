"""Queries per request, counted in process, and a check that addresses answer 200.

Both send what wrk sends: the host 127.0.0.1 and X-Forwarded-Proto: https (production's
requests come through a TLS proxy), so with production settings nothing is redirected.
"""

from __future__ import annotations

import http.client
import logging
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

HOST = "127.0.0.1"
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


@dataclass
class Sample:
    path: str
    status: int
    queries: int
    body_bytes: int


def client() -> Client:
    return Client(raise_request_exception=False, headers=PROXY_HEADERS, HTTP_HOST=HOST)


@contextmanager
def quiet_not_found():
    """Leave out Django's "Not Found" warnings while probing for the last page on purpose."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def last_page(path: str, upper: int) -> int:
    """The last page number of a list that answers 200, at most upper (1 when none does).

    The site may stop its pages before the end of a long list; this asks the site itself.
    """
    c = client()
    ok, bad = 1, upper + 1
    with quiet_not_found():
        if c.get(with_page(path, upper)).status_code == 200:
            return upper
        while bad - ok > 1:
            middle = (ok + bad) // 2
            if c.get(with_page(path, middle)).status_code == 200:
                ok = middle
            else:
                bad = middle
    return ok


def with_page(path: str, page: int) -> str:
    """The address of page `page` of a list; page 1 is the address itself."""
    if page == 1:
        return path
    return f"{path}{'&' if '?' in path else '?'}page={page}"


def count_queries(paths: list[str]) -> list[Sample]:
    """Render each address and count its queries."""
    c = client()
    samples = []
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = c.get(path)
            if response.streaming:
                body = b"".join(response.streaming_content)
                response.close()
            else:
                body = response.content
        samples.append(Sample(path, response.status_code, len(queries), len(body)))
    return samples


def live_status(port: int, path: str, timeout: float = 120) -> int:
    """The status gunicorn answers for path, redirects not followed."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=PROXY_HEADERS)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()
