"""Production settings fail closed: a WSGI server started without DEBUG is production, and
refuses to start without its secrets rather than run with development ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Serves one request through the WSGI application, as gunicorn would, and prints what it got.
SERVE_ONE = """
import io, sys
from meetings.wsgi import application
from django.conf import settings
status = []
environ = {
    "REQUEST_METHOD": "GET", "PATH_INFO": sys.argv[1], "QUERY_STRING": "",
    "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1",
    "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
    "SERVER_PROTOCOL": "HTTP/1.1",
}
body = b"".join(application(environ, lambda s, h, *a: status.append(s)))
print("DEBUG", settings.DEBUG)
print("KEY", settings.SECRET_KEY[:12])
print("STATUS", status[0])
print(body.decode())
"""


def serve(path: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "HTTPS"}}
    base.pop("ALLOWED_HOSTS", None)
    return subprocess.run(
        [sys.executable, "-c", SERVE_ONE, path],
        env={**base, "DJANGO_SETTINGS_MODULE": "meetings.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_wsgi_server_without_debug_or_a_secret_key_refuses_to_start():
    result = serve("/about/")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_a_wsgi_server_without_allowed_hosts_refuses_to_start():
    result = serve("/about/", SECRET_KEY="s" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> str:
    """The static files collected as a production release does (the pages name their hashed
    copies)."""
    folder = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env={
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "s" * 50,
            "ALLOWED_HOSTS": "x",
            "STATIC_ROOT": str(folder),
        },
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    return str(folder)


def test_a_wsgi_server_without_debug_gives_the_plain_404_page(collected):
    result = serve(
        "/no-such-page/",
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="0",
        STATIC_ROOT=collected,
    )
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout
    assert "STATUS 404" in result.stdout
    assert "There is nothing at this address." in result.stdout
    assert "Django tried these URL patterns" not in result.stdout
    assert "development-only-key" not in result.stdout


def test_a_wsgi_server_is_in_development_only_when_told():
    result = serve("/no-such-page/", DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "DEBUG True" in result.stdout
    assert "Django tried these URL patterns" in result.stdout


def test_manage_py_keeps_the_development_default():
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DEBUG)",
        ],
        env=base,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split()[-1] == "True", result.stderr


# The container set-up


@pytest.fixture(scope="module")
def compose() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_publishes_the_site_on_this_machine_only(compose):
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} to every network"


def test_compose_builds_the_image_and_checks_the_sites_health(compose):
    web = compose["services"]["web"]
    assert web["build"] == "."
    assert "/health/" in " ".join(web["healthcheck"]["test"])
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    for name, service in compose["services"].items():
        command = " ".join(service.get("command") or [])
        assert "pip install" not in command, f"{name} installs at every start"


def test_compose_runs_the_site_in_production_mode(compose):
    environment = compose["services"]["web"]["environment"]
    assert environment["DEBUG"] == "0"
    assert "?" in environment["SECRET_KEY"]  # compose refuses to start without one


def test_the_image_installs_at_build_time_and_runs_as_an_unprivileged_user():
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    instructions = [line.split(None, 1) for line in lines if line and line[0] not in "# "]
    users = [rest.strip() for word, rest in instructions if word == "USER"]
    assert users and users[-1] not in {"root", "0"}
    runs = " ".join(rest for word, rest in instructions if word == "RUN")
    assert "pip install" in runs and "collectstatic" in runs
    assert any(word == "CMD" and "gunicorn" in rest for word, rest in instructions)
    # what gunicorn serves fails closed without DEBUG (meetings/wsgi.py): nothing sets it on
    assert "DEBUG=1" not in " ".join(lines)
