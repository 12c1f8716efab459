"""The article reader reads in time proportional to the text: a long paste that names many
officials is read at the rate of a short one, and a text no article is as long as is refused
at once. Timings are compared with each other, never with an absolute figure."""

import datetime
import random
import time

import pytest

from meetings.intake.lexicon import build_lexicon
from meetings.intake.reader import MAX_CHARACTERS, Reader
from tests.intake_fixtures import world_loaded

GIVEN = ["Amara", "Tomas", "Leila", "Kenji", "Sofia", "Rahul", "Ingrid", "Pavel", "Nadia", "Oscar"]
FAMILY = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Verma", "Novak", "Costa", "Mensah"]
DEMONYMS = ["Kenyan", "French", "Japanese", "Indian", "Brazilian", "German", "Nigerian", "Chilean"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Trade Minister"]


def news(size: int, seed: int = 7) -> str:
    """Made-up news copy of about size characters that names officials in every sentence."""
    pick = random.Random(seed).choice
    sentences, length = [], 0
    while length < size:
        a = f"{pick(DEMONYMS)} {pick(TITLES)} {pick(GIVEN)} {pick(FAMILY)}"
        b = f"{pick(DEMONYMS)} {pick(TITLES)} {pick(GIVEN)} {pick(FAMILY)}"
        sentence = pick(
            [
                f"{a} met {b} in Nairobi on Monday to discuss trade.",
                f"{a} held talks with {b} about security and energy.",
                f"Officials said {b} thanked {a} for the talks.",
                f"{a} spoke by phone with {b} on Friday.",
                "Both sides described the meeting as warm and useful.",
            ]
        )
        sentences.append(sentence)
        length += len(sentence) + 1
        if len(sentences) % 5 == 0:
            sentences.append("\n\n")
    return " ".join(sentences)


@pytest.fixture(scope="module")
def reader(django_db_setup, django_db_blocker):
    """A reader over the world's countries and places, its patterns compiled once."""
    with world_loaded(django_db_blocker):
        with django_db_blocker.unblock():
            reader = Reader(build_lexicon())
        reader.read("Kenyan President William Ruto met Ugandan President Yoweri Museveni.")
        yield reader


def cpu_seconds(reader: Reader, text: str) -> float:
    started = time.process_time()
    reader.read(text, published=datetime.date(2025, 10, 28))
    return time.process_time() - started


def test_a_megabyte_of_news_naming_officials_is_read_at_the_rate_of_100_kb(reader):
    small, large = news(100_000), news(990_000)

    small_time = min(cpu_seconds(reader, small) for _ in range(2))
    large_time = cpu_seconds(reader, large)

    # Ten times the text: about ten times the time, never the hundred of a quadratic reader.
    assert large_time / small_time < 15, (small_time, large_time)


def test_the_long_text_still_yields_its_meetings(reader):
    reading = reader.read(news(200_000), published=datetime.date(2025, 10, 28))

    assert len(reading.proposals) > 100
    assert all(all(p.country for p in m.participants) for m in reading.proposals)


def test_a_text_longer_than_any_article_is_refused_at_once_with_a_note(reader):
    text = news(MAX_CHARACTERS + 1000)

    started = time.process_time()
    reading = reader.read(text)
    refused = time.process_time() - started

    assert refused < cpu_seconds(reader, news(20_000))  # sooner than reading a short article
    assert reading.proposals == []
    assert reading.notes[0].startswith(f"The text is {len(text):,} characters long;")
