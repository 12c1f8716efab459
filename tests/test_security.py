"""What the site promises against a hostile visitor: the policy on every response, sign-in
that cannot be sent elsewhere or guessed at length, links only to the web."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

POLICY = "Content-Security-Policy"


@pytest.fixture
def fast_hashing(settings):
    """Passwords hashed cheaply: the tests sign in many times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor_with_password(django_user_model, fast_hashing):
    return django_user_model.objects.create_user(
        "editor", password="correct horse battery", is_staff=True
    )


# The policy on every response


def test_a_page_carries_the_policy(client):
    assert "script-src 'self'" in client.get("/about/")[POLICY]


def test_the_redirect_to_https_carries_the_policy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/about/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert "default-src 'self'" in response[POLICY]


def test_a_static_file_carries_the_policy(settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in tests: read the app's folder
    response = Client().get("/static/site.css")
    assert response.status_code == 200
    assert "default-src 'self'" in response[POLICY]


def test_the_health_check_carries_the_policy(client):
    assert "default-src 'self'" in client.get("/health/")[POLICY]


# Where signing in lands


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/admin/", "javascript:alert(1)", "/\\evil.example/"],
)
def test_signing_in_with_a_next_to_another_site_lands_on_the_admin(
    client, editor_with_password, next_url
):
    response = client.post(
        f"/admin/login/?next={next_url}",
        {"username": "editor", "password": "correct horse battery", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_signing_in_with_a_next_on_the_site_goes_there(client, editor_with_password):
    target = "/admin/meetings/meeting/"
    response = client.post(
        f"/admin/login/?next={target}",
        {"username": "editor", "password": "correct horse battery", "next": target},
    )
    assert response["Location"] == target


# Links only to the web


@pytest.fixture
def meeting_citing(make_meeting, rubio, jaishankar):
    """A published meeting citing a source with the given address, stored as the importer or
    the shell could store it (no form checked it)."""
    from meetings.models import MeetingSource, Source

    def make(url: str, title: str = "The readout"):
        meeting = make_meeting(jaishankar, rubio)
        source = Source.objects.create(url=url, title=title, citation="A readout")
        MeetingSource.objects.create(meeting=meeting, source=source, quote="They met.")
        return meeting

    return make


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.domain)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
        "https:///nohost",
    ],
)
def test_a_source_address_that_is_no_web_page_is_shown_as_text_not_a_link(
    client, meeting_citing, url
):
    meeting = meeting_citing(url)
    page = client.get(meeting.get_absolute_url()).text
    assert "The readout" in page
    assert 'href="javascript' not in page.lower()
    assert 'rel="noopener noreferrer"' not in page  # no source link at all


@pytest.mark.parametrize("url", ["https://mea.gov.in/readout", "http://example.org/a?b=1&c=2"])
def test_a_web_address_is_a_link(client, meeting_citing, url):
    from django.utils.html import escape

    meeting = meeting_citing(url)
    page = client.get(meeting.get_absolute_url()).text
    assert f'<a href="{escape(url)}" rel="noopener noreferrer">The readout</a>' in page


# Sign-in throttling: per account and per client


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def limit(settings):
    return settings.AXES_FAILURE_LIMIT


def test_the_limit_is_ten_failures_and_the_pause_fifteen_minutes(settings):
    import datetime

    assert settings.AXES_FAILURE_LIMIT == 10
    assert datetime.timedelta(minutes=15) == settings.AXES_COOLOFF_TIME


def test_wrong_passwords_lock_the_account_even_for_the_right_password(
    client, editor_with_password, limit
):
    for n in range(limit - 1):
        response = sign_in(client, "editor", f"guess {n}", address=f"198.51.100.{n + 1}")
        assert response.status_code == 200  # the form again, "enter a correct username..."
    # the tenth failure locks the account
    assert sign_in(client, "editor", "guess", address="198.51.100.99").status_code == 429
    response = sign_in(client, "editor", "correct horse battery", address="198.51.100.200")
    assert response.status_code == 429
    assert "Signing in is paused" in response.text
    assert "15 minutes" in response.text
    assert response["Retry-After"] == "900"
    assert client.get("/admin/").status_code == 302  # not signed in


def test_wrong_passwords_for_many_accounts_lock_the_client(client, editor_with_password, limit):
    for n in range(limit - 1):
        assert sign_in(client, f"user{n}", "guess").status_code == 200
    assert sign_in(client, "one-more", "guess").status_code == 429
    response = sign_in(client, "editor", "correct horse battery")
    assert response.status_code == 429
    # the account itself is not locked: from another address it signs in
    assert sign_in(Client(), "editor", "correct horse battery", "192.0.2.9").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, editor_with_password, limit):
    for n in range(limit - 1):
        sign_in(client, "editor", f"guess {n}")
    assert sign_in(client, "editor", "correct horse battery").status_code == 302
    other = Client()
    for n in range(limit - 1):
        assert sign_in(other, "editor", f"again {n}").status_code == 200
    assert sign_in(other, "editor", "correct horse battery").status_code == 302


def test_the_lock_lifts_after_the_pause(client, editor_with_password, limit):
    import datetime

    from axes.models import AccessAttempt

    for n in range(limit):
        sign_in(client, "editor", f"guess {n}")
    assert sign_in(client, "editor", "correct horse battery").status_code == 429
    AccessAttempt.objects.update(attempt_time=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    assert sign_in(client, "editor", "correct horse battery").status_code == 302


def test_lockouts_are_listed_in_the_admin(client, admin_client, editor_with_password, limit):
    for n in range(limit):
        sign_in(client, "editor", f"guess {n}")
    sign_in(client, "editor", "correct horse battery")
    page = admin_client.get("/admin/axes/accessattempt/").text
    assert "editor" in page
    assert "203.0.113.7" in page
    failures = admin_client.get("/admin/axes/accessfailurelog/").text
    assert failures.count("203.0.113.7") >= limit


def test_behind_the_proxy_the_client_is_the_address_the_proxy_appended(
    client, editor_with_password, limit, settings
):
    """X-Forwarded-For is "what the client claimed, ..., the client as the proxy saw it": a
    client changing its own claim is still one client."""
    settings.BEHIND_PROXY = True
    for n in range(limit):
        response = client.post(
            "/admin/login/",
            {"username": f"user{n}", "password": "guess"},
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7",
        )
        assert response.status_code == (200 if n < limit - 1 else 429)
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "correct horse battery"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7",
    )
    assert response.status_code == 429
    # another client behind the same proxy signs in
    other = Client().post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "correct horse battery", "next": "/admin/"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert other.status_code == 302


# Cross-site requests


@pytest.mark.parametrize(
    "url",
    [
        "/admin/login/",
        "/admin/meetings/meeting/add/",
        "/admin/meetings/meeting/from-article/",
        "/admin/meetings/meeting/",
        "/admin/logout/",
    ],
)
def test_a_post_without_the_sites_token_is_refused(editor, url):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    response = browser.post(url, {"username": "editor", "password": "x", "title": "Forged"})
    assert response.status_code == 403
