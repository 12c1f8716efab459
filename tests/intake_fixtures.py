"""What several test modules share: the world's places and the demo data loaded once per module,
the seed retelling, and a reader of the forms the review page renders.

The gazetteer's ~34,000 places take seconds to load, so each module that needs them loads them
once, outside the tests' transactions, and removes everything it added when the module ends:
the other modules create their own countries and expect an empty database.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command

from meetings.countries import load_countries
from meetings.intake.places import load_places, reset_gazetteer
from meetings.models import (
    Country,
    Meeting,
    Occasion,
    Official,
    Place,
    Position,
    SearchWord,
    Source,
    Subject,
    Topic,
    Venue,
)

ARTICLES = Path(__file__).resolve().parent / "intake_articles"
# the demo data's meeting of the seed article (meetings/data/demo.jsonl)
SEED_TITLE = "Jaishankar–Rubio talks in Kuala Lumpur"
SEED_ARTICLE = ARTICLES / "01-seed-kuala-lumpur.json"

# Deleted children first: the change history and the account imports are recorded under;
# the derived rows go with their subjects; meetings protect venues, occasions and officials;
# positions protect countries; topics protect their sub-topics' parents; places and venues
# belong to countries.
CLEAN_UP_ORDER = [
    LogEntry,
    get_user_model(),
    Subject,
    Meeting,
    Source,
    Occasion,
    Venue,
    Position,
    Official,
    Topic,
    Place,
    Country,
    SearchWord,
]


def load_demo(*args: str) -> str:
    """Import the demo data file as `make run` does; returns what the command printed."""
    out = StringIO()
    call_command("load_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def seed_article() -> dict:
    """Our retelling of the seed article, in the labelled-set format."""
    return json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))


@contextmanager
def world_loaded(django_db_blocker, *, demo: bool = False, places: bool = True):
    """Countries and places (and, with demo, the demo data set) for the length of a module."""
    with django_db_blocker.unblock():
        before = {
            model: set(model.objects.values_list("pk", flat=True)) for model in CLEAN_UP_ORDER
        }
        load_countries()
        if places:
            load_places()
        if demo:
            load_demo()
        reset_gazetteer()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            for model in CLEAN_UP_ORDER:
                rows = model.objects.exclude(pk__in=before[model])
                if model is Topic:  # sub-topics before the topics they belong to
                    rows.filter(parent__isnull=False).delete()
                rows.delete()
        reset_gazetteer()


class _FormReader(HTMLParser):
    """The fields of every <form> on a page, with the values a browser would submit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._form: list[tuple[str, str]] | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name") and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._form.append((attrs["name"], attrs.get("value", "on")))
            elif kind not in ("submit", "button", "image", "reset", "file"):
                self._form.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select" and attrs.get("name"):
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": "",
            }
            self._select["options"].append(self._option)
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = {"name": attrs["name"], "text": ""}

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            for option in options:
                if option["value"] is None:
                    option["value"] = option["text"].strip()
            chosen = [o for o in options if o["selected"]]
            if not chosen and options and not self._select["multiple"]:
                chosen = options[:1]  # a browser submits the first option of a plain select
            for option in chosen:
                self._form.append((self._select["name"], option["value"]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            text = self._textarea["text"]
            self._form.append((self._textarea["name"], text.removeprefix("\n")))
            self._textarea = None


def rendered_form(html: str, field: str) -> dict[str, str | list[str]]:
    """The values the page's form holding `field` submits as the page shows it: one value per
    name, or a list for a name sent several times (a multiple select)."""
    reader = _FormReader()
    reader.feed(html)
    reader.close()
    for fields in reader.forms:
        if any(name == field for name, _ in fields):
            data: dict[str, str | list[str]] = {}
            for name, value in fields:
                if name in data:
                    previous = data[name]
                    data[name] = (
                        [*previous, value] if isinstance(previous, list) else [previous, value]
                    )
                else:
                    data[name] = value
            return data
    raise AssertionError(f"No form on the page has a field called {field!r}")
