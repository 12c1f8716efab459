"""Scoring the reader against labelled articles: what `evaluate_intake` prints."""

from __future__ import annotations

import contextlib
import datetime
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from meetings.intake.lexicon import build_lexicon
from meetings.intake.people import People
from meetings.intake.reader import Reader, Reading, split_sentences
from meetings.models import Official, Topic, split_lines
from meetings.text import fold

FIELDS = ("title", "published", "publisher", "url", "text", "gold")


class LabelError(ValueError):
    """A labelled file that cannot be scored; the message names the file and the problem."""


def load_article(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelError(f"{path.name}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise LabelError(f"{path.name}: needs an object with a 'text' string")
    if not isinstance(data.get("gold", []), list):
        raise LabelError(f"{path.name}: 'gold' must be a list")
    if data.get("published"):
        try:
            datetime.date.fromisoformat(data["published"])
        except (TypeError, ValueError):
            raise LabelError(f"{path.name}: 'published' must be YYYY-MM-DD") from None
    for number, meeting in enumerate(data.get("gold", []), start=1):
        date = meeting.get("date") if isinstance(meeting, dict) else None
        try:
            if date is not None:
                date_span(date)
        except (TypeError, ValueError):
            raise LabelError(
                f"{path.name}: meeting {number}'s date must be YYYY-MM-DD, YYYY-MM, YYYY or "
                f"null, not {str(date)[:20]!r}"
            ) from None
    return data


def date_span(value: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a labelled date can mean: 2025-10-28, 2025-10 or 2025."""
    if len(value) == 4:
        year = int(value)
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if len(value) == 7:
        first = datetime.date.fromisoformat(value + "-01")
        following = (first + datetime.timedelta(days=31)).replace(day=1)
        return first, following - datetime.timedelta(days=1)
    day = datetime.date.fromisoformat(value)
    return day, day


def dates_agree(a: str | None, b: str | None) -> bool:
    """Within a day of each other (a month or a year holds each of its days), or both
    undated."""
    if a is None or b is None:
        return a is None and b is None
    (a_first, a_last), (b_first, b_last) = date_span(a), date_span(b)
    day = datetime.timedelta(days=1)
    return a_first <= b_last + day and b_first <= a_last + day


def countries(meeting: dict) -> frozenset[str]:
    """The meeting's countries as two letters: a country that no longer exists is written here
    with its four-letter ISO 3166-3 code (SUHH), whose first two are the code a labeller gives
    it (SU, the Soviet Union)."""
    return frozenset(code(p) for p in meeting["participants"] if p.get("country_iso2"))


def code(participant: dict) -> str | None:
    return (participant.get("country_iso2") or "")[:2] or None


@dataclass
class Names:
    """Names and aliases of the officials we know, to match participants by name or alias."""

    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_db(cls) -> Names:
        names = cls()
        for name, aliases in Official.objects.values_list("name", "aliases"):
            for alias in [name, *split_lines(aliases)]:
                names.aliases[fold(alias)] = fold(name)
        return names

    def canonical(self, name: str | None) -> str | None:
        if not name:
            return None
        folded = fold(name).replace("dr. ", "")
        return self.aliases.get(folded, folded)

    def same(self, a: dict, b: dict) -> bool:
        x, y = self.canonical(a.get("name")), self.canonical(b.get("name"))
        if x and y:
            # "Kishida Fumio" and "Fumio Kishida", "Lloyd J. Austin III" and "Lloyd Austin"
            return x == y or set(x.split()) == set(y.split()) or surname(x) == surname(y)
        return x is None and y is None and a.get("country_iso2") == b.get("country_iso2")


def surname(name: str) -> str:
    words = [w for w in name.split() if not w.endswith(".") and w not in {"jr", "sr", "ii", "iii"}]
    return words[-1] if words else name


def topic_ids(labels: list[str], vocabulary: dict[str, int]) -> set:
    return {vocabulary.get(fold(label), fold(label)) for label in labels}


def topic_vocabulary() -> dict[str, int]:
    vocabulary: dict[str, int] = {}
    for topic_id, name, aliases in Topic.objects.values_list("id", "name", "aliases"):
        for word in [name, *split_lines(aliases)]:
            vocabulary.setdefault(fold(word), topic_id)
    return vocabulary


def match_meetings(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of (gold, predicted) with equal country sets and dates within a day, greedily."""
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and countries(g) == countries(p) and dates_agree(g["date"], p["date"]):
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


# Why a labelled meeting was not found, in the order they are tried.
ANOTHER_DAY = "found on another day"
UNNAMED = "a participant the text does not name"
NOT_A_PERSON = "a participant's name never read as a person"
NO_COUNTRY = "a participant never given the right country"
GROUPED = "its people proposed in other meetings"
NOT_PROPOSED = "its people read, no meeting proposed"


def why_missed(meeting: dict, predicted: list[dict], people: list[dict], names: Names) -> str:
    """What the reader got wrong of a labelled meeting it did not find: people is everyone it
    read as a person in the text, as participants ({"name", "country_iso2"})."""
    if any(countries(p) == countries(meeting) for p in predicted):
        return ANOTHER_DAY
    wanted = meeting["participants"]
    if any(not w.get("name") for w in wanted):
        return UNNAMED
    read = [[x for x in people if names.same(w, x)] for w in wanted]
    if not all(read):
        return NOT_A_PERSON
    if not all(any(code(x) == code(w) for x in xs) for w, xs in zip(wanted, read, strict=True)):
        return NO_COUNTRY
    proposed = [x for p in predicted for x in p["participants"]]
    if all(any(names.same(w, x) for x in proposed) for w in wanted):
        return GROUPED
    return NOT_PROPOSED


def people_read(text: str, reader: Reader, published: datetime.date | None) -> list[dict]:
    """Everyone the reader's person patterns find in the text, sentence by sentence."""
    people = People(reader.lexicon)
    people.reference = published
    return [
        {"name": m.person.name, "country_iso2": m.person.country}
        for sentence in split_sentences(text)
        for m in people.find(sentence)
    ]


def f1(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(score, 3)}


def evaluate(folder: Path, predictions: Path | None = None) -> dict:
    """Run the reader on every *.json article in folder and score it against the gold."""
    files = sorted(folder.glob("*.json"))
    if not files:
        raise LabelError(f"No *.json articles in {folder}")
    names, vocabulary = Names.from_db(), topic_vocabulary()
    lexicon = build_lexicon()
    reader = Reader(lexicon)
    totals = {"meetings": [0, 0, 0], "participants": [0, 0, 0]}
    checks = {"date": [0, 0], "venue": [0, 0], "kind": [0, 0], "topics": [0, 0]}
    # Of the gold participants found in a matched meeting, how many got the right country.
    country = [0, 0]
    topic_overlap: list[float] = []
    false_on_empty, empty_articles, timings, per_article = 0, 0, [], []
    missed: dict[str, int] = {}  # labelled meetings not found, by why_missed
    errors: list[str] = []
    # Warm-up for caches and regexes; a failure shows again, and is reported, below.
    with contextlib.suppress(Exception):
        Reader(lexicon).read(load_article(files[0])["text"])
    for path in files:
        article = load_article(path)
        published = (
            datetime.date.fromisoformat(article["published"]) if article.get("published") else None
        )
        started = time.perf_counter()
        try:
            reading = reader.read(
                article["text"],
                published=published,
                title=article.get("title"),
                publisher=article.get("publisher"),
                url=article.get("url"),
            )
        except Exception as exc:  # one article's failure is reported, the others still scored
            errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
            reading = Reading([], published, None, [f"The reader failed: {exc}"])
        elapsed = time.perf_counter() - started
        timings.append((elapsed, len(article["text"])))
        predicted = [proposal.as_gold() for proposal in reading.proposals]
        gold = article.get("gold", [])
        if predictions is not None:
            predictions.mkdir(parents=True, exist_ok=True)
            out = dict(article, gold=predicted)
            (predictions / path.name).write_text(json.dumps(out, ensure_ascii=False, indent=1))
        if not gold:
            empty_articles += 1
            false_on_empty += len(predicted)
        pairs = match_meetings(gold, predicted)
        found = {id(g) for g, _ in pairs}
        if len(found) < len(gold):
            read = people_read(article["text"], reader, published)
            for g in gold:
                if id(g) not in found:
                    why = why_missed(g, predicted, read, names)
                    missed[why] = missed.get(why, 0) + 1
        totals["meetings"][0] += len(pairs)
        totals["meetings"][1] += len(predicted)
        totals["meetings"][2] += len(gold)
        for g, p in pairs:
            matched = 0
            for gp in g["participants"]:
                found = next((pp for pp in p["participants"] if names.same(gp, pp)), None)
                if found is not None:
                    matched += 1
                    country[0] += code(gp) == code(found)
                    country[1] += 1
            totals["participants"][0] += matched
            totals["participants"][1] += len(p["participants"])
            totals["participants"][2] += len(g["participants"])
            checks["date"][0] += g["date"] == p["date"]
            checks["venue"][0] += fold(g.get("venue_city") or "") == fold(p.get("venue_city") or "")
            checks["kind"][0] += g["kind"] == p["kind"]
            gt, pt = topic_ids(g["topics"], vocabulary), topic_ids(p["topics"], vocabulary)
            checks["topics"][0] += gt == pt
            topic_overlap.append(len(gt & pt) / len(gt | pt) if gt | pt else 1.0)
            for key in checks:
                checks[key][1] += 1
        per_article.append(
            {
                "file": path.name,
                "gold": len(gold),
                "predicted": len(predicted),
                "matched": len(pairs),
                "notes": reading.notes,
            }
        )
    per_5000 = [1000 * t * 5000 / max(n, 1) for t, n in timings]
    return {
        "articles": len(files),
        "meetings": f1(*totals["meetings"]),
        "participants": f1(*totals["participants"]),
        "accuracy": {k: round(v[0] / v[1], 3) if v[1] else None for k, v in checks.items()},
        "participant_country_accuracy": round(country[0] / country[1], 3) if country[1] else None,
        "topics_jaccard": round(sum(topic_overlap) / len(topic_overlap), 3)
        if topic_overlap
        else None,
        "no_meeting_articles": empty_articles,
        "false_meetings_on_no_meeting_articles": false_on_empty,
        "missed_meetings": dict(sorted(missed.items(), key=lambda item: -item[1])),
        "ms_per_article": round(1000 * sum(t for t, _ in timings) / len(timings), 1),
        "ms_per_5000_chars_max": round(max(per_5000), 1),
        "per_article": per_article,
        "errors": errors,
    }
