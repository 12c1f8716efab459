"""The site as a WSGI application: what gunicorn (or any WSGI server) serves.

A server is production unless told otherwise: DEBUG, when unset, is off here (manage.py and the
tests keep the development default), so a forgotten variable gives the plain 404 page and a
refusal to start without SECRET_KEY and ALLOWED_HOSTS, never Django's technical pages or the
development key. DEBUG=1 still turns development on explicitly.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meetings.settings")
os.environ.setdefault("DEBUG", "0")

application = get_wsgi_application()
