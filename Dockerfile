# The site as an image: its dependencies installed and its static files collected when the
# image is built, never when a container starts; it runs as an unprivileged user.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=meetings.settings \
    STATIC_ROOT=/srv/meetings/static

# The package and everything it depends on, from the project's own metadata.
COPY pyproject.toml README.md /tmp/build/
COPY meetings /tmp/build/meetings
RUN pip install /tmp/build && rm -rf /tmp/build

# Static files, hashed and compressed for WhiteNoise (these settings are for this step only).
RUN DEBUG=0 SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost \
    django-admin collectstatic --noinput -v0

RUN useradd --system --uid 10001 --home-dir /srv/meetings --shell /usr/sbin/nologin meetings
USER meetings
WORKDIR /srv/meetings

EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/', timeout=2); sys.exit(0)"]
# DEBUG is off by default under gunicorn (meetings/wsgi.py): it needs SECRET_KEY and
# ALLOWED_HOSTS. Migrations are a separate, one-off step (see docker-compose.yml).
CMD ["gunicorn", "meetings.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", \
     "--timeout", "30", "--access-logfile", "-"]
