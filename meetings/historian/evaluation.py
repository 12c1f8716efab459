"""Scoring the historian importer against records labelled by hand (tests/historian/*.json):
what `evaluate_historian` prints.

A labelled record lists the meetings a careful editor would record from it. A proposed meeting
matches a labelled one of the same record with the same countries (the US side aside) whose dates
overlap; participants match by country and name (family name, or the first name of a name
written family name first; an office named without a holder matches one of the same country
named the same way). Country accuracy is over the counterparts matched by name.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from meetings.historian.build import Planned, Reader
from meetings.text import fold


class LabelError(ValueError):
    """A labels file that cannot be scored; the message says why."""


def load_labels(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, list) or not all(
        isinstance(r, dict) and {"collection", "id", "meetings"} <= set(r) for r in data
    ):
        raise LabelError(f"{path}: needs a list of records with collection, id and meetings")
    return data


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@dataclass
class Person:
    names: set[str]  # folded words a mention of them may use
    country: str
    unnamed: bool


def person_of_label(p: dict) -> Person:
    words = set()
    for key in ("name", "full_name"):
        if p.get(key):
            parts = fold(p[key]).replace("-", " ").split()
            words |= {parts[0], parts[-1]} if parts else set()
    return Person(words, (p.get("country") or "").upper(), not p.get("name"))


def person_of_mention(name: str | None, country: str) -> Person:
    parts = fold(name).replace("-", " ").split() if name else []
    return Person({parts[0], parts[-1]} if parts else set(), country, not name)


def same_person(a: Person, b: Person) -> bool:
    if a.unnamed or b.unnamed:
        return a.unnamed and b.unnamed and a.country == b.country
    return bool(a.names & b.names)


def overlaps(a: tuple, b: tuple) -> bool:
    (a0, a1), (b0, b1) = a, b
    return a0 <= (b1 or b0) and b0 <= (a1 or a0)


def predicted_people(meeting: Planned) -> list[Person]:
    people = [person_of_mention(term.name, "US") for term, _ in meeting.us]
    people += [person_of_mention(m.name, m.country) for m in meeting.people]
    return people


def evaluate(labels: Path, data: Path) -> dict:
    """The figures for a labels file, read against the data folder."""
    gold_records = load_labels(labels)
    reader = Reader(data)
    by_key = {(r.collection, r.id): r for r in reader.records}
    found = matched = expected = 0
    p_found = p_matched = p_expected = 0
    country_right = country_seen = 0
    per_record = []
    for labelled in gold_records:
        record = by_key.get((labelled["collection"], str(labelled["id"])))
        if record is None:
            raise LabelError(f"{labels}: no record {labelled['collection']} {labelled['id']}")
        decision = reader.decide(record)
        proposed = decision.planned
        gold = labelled["meetings"]
        expected += len(gold)
        found += len(proposed)
        used: set[int] = set()
        hits = 0
        for g in gold:
            g_people = [person_of_label(p) for p in g["participants"]]
            g_countries = {p.country for p in g_people if p.country != "US"}
            g_dates = (_day(g["date"]), _day(g.get("end_date")))
            for n, m in enumerate(proposed):
                if n in used:
                    continue
                m_countries = {p.country for p in m.people}
                if m_countries != g_countries or not overlaps((m.start, m.end), g_dates):
                    continue
                used.add(n)
                hits += 1
                m_people = predicted_people(m)
                p_expected += len(g_people)
                p_found += len(m_people)
                taken: set[int] = set()
                for gp in g_people:
                    for k, mp in enumerate(m_people):
                        if k not in taken and same_person(gp, mp) and gp.country == mp.country:
                            taken.add(k)
                            p_matched += 1
                            break
                break
        # countries of the counterparts matched by name, whatever meeting they landed in
        for g in gold:
            for p in g["participants"]:
                gp = person_of_label(p)
                if gp.country == "US" or gp.unnamed:
                    continue
                for m in proposed:
                    for mention in m.people:
                        mp = person_of_mention(mention.name, mention.country)
                        if same_person(gp, mp):
                            country_seen += 1
                            country_right += mp.country == gp.country
                            break
                    else:
                        continue
                    break
        matched += hits
        per_record.append(
            {
                "collection": record.collection,
                "id": record.id,
                "gold": len(gold),
                "proposed": len(proposed),
                "matched": hits,
                "decision": decision.decision,
                "reason": decision.reason,
            }
        )
    return {
        "records": len(gold_records),
        "meetings": _prf(matched, found, expected),
        "participants": _prf(p_matched, p_found, p_expected),
        "country_accuracy": round(country_right / country_seen, 3) if country_seen else None,
        "per_record": per_record,
    }


def _prf(hits: int, found: int, expected: int) -> dict:
    precision = hits / found if found else 1.0
    recall = hits / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
