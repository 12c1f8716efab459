"""Turn the knowledge base build.py writes into the project's import format: one
{"official": {...}} line per official, gzipped, as meetings/data/officials.jsonl.gz.

    python3 tools/knowledge_base/export.py officials.jsonl meetings/data/officials.jsonl.gz

- Positions known only from the peppercat copies are left out (their licence is the least
  clear, SOURCES.md); officials left without positions go with them.
- Codes of states that no longer exist become the project's (SU -> SUHH, DD -> DDDE, YD -> YDYE,
  AN -> ANHH, YU -> YUCS, CS -> CSHH before 1993 and CSXX after), and a German office held before
  3 October 1990 is West Germany's (DEDE); a term across that day is cut in two.
- A date known to the month or the year is written as its first day (a start) or its last (an
  end); a position with only attested dates runs from the first to the last.
- A title that runs on into a name, as some sources split "President Luiz Inácio Lula da Silva"
  badly ("President Luiz In cio"), ends at its post ("President"): see post().
- An official of the demo data (meetings/data/demo.jsonl) keeps the demo's slug and name, so
  loading both gives one official; the others get a slug from their name, then with their
  country, then with their Wikidata id.
"""

import datetime
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "meetings" / "data" / "demo.jsonl"
UNIFIED = datetime.date(1990, 10, 3)
LEFT_OUT = {"wikidata-every-politician-scrapers-peppercat-copy"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "official"


def day(value: str | None, end: bool) -> datetime.date | None:
    if not value:
        return None
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
    month = int(parts[1])
    if len(parts) == 2:
        if not end:
            return datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date.fromisoformat(value)


def code(value: str, when: datetime.date | None) -> str:
    if value == "CS":
        return "CSHH" if when and when < datetime.date(1993, 1, 1) else "CSXX"
    return {"SU": "SUHH", "DD": "DDDE", "YD": "YDYE", "AN": "ANHH", "YU": "YUCS"}.get(value, value)


# The word that ends a post ("Prime Minister"), and the words a post may go on with after it
# ("Secretary General", "President of ..."): any other capitalised word straight after the
# first is the start of a name.
POST_HEADS = {"President", "Minister", "Premier", "Chancellor", "Secretary", "King", "Emir"}
POST_GOES_ON = {"General", "Elect", "Designate", "President", "Minister", "Secretary"}


def post(title: str) -> str:
    """The title without a name it runs on into: "Prime Minister Abd al-Aziz" -> "Prime
    Minister"; "Secretary of State for Defence" and "O le Ao o le Malo" are left whole."""
    words = title.split()
    for n in range(1, len(words)):
        if words[n - 1] in POST_HEADS and words[n][:1].isupper() and words[n] not in POST_GOES_ON:
            return " ".join(words[:n])
    return title


def positions_of(record: dict) -> list[dict]:
    out = []
    for p in record["positions"]:
        if set(p.get("sources", [])) <= LEFT_OUT:
            continue
        start, end = day(p.get("start"), False), day(p.get("end"), True)
        attested = sorted(p.get("attested") or [])
        if start is None and end is None and attested:
            start, end = day(attested[0], False), day(attested[-1], True)
        country = code(p["country"], start or end)
        spans = [(country, start, end)]
        if country == "DE" and (start is None or start < UNIFIED):
            spans = [("DEDE", start, min(end, UNIFIED) if end else UNIFIED)]
            if end is None or end > UNIFIED:
                spans.append(("DE", UNIFIED, end))
        for where, s, e in spans:
            out.append(
                {
                    "title": post(p["title"]),
                    "country": where,
                    "start": s.isoformat() if s else None,
                    "end": e.isoformat() if e else None,
                }
            )
    return out


def demo_officials() -> dict[tuple[str, str], dict]:
    """(folded name or alias, country) -> the demo's official object."""
    found = {}
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        for p in data.get("participants", []):
            official = p.get("official")
            if official:
                for name in [official["name"], *official["aliases"]]:
                    found[(fold(name), official["country"])] = official
    return found


def main(source: Path, target: Path) -> None:
    demo = demo_officials()
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    taken: set[str] = set()
    lines = []
    for record in sorted(records, key=lambda r: (r["name"], r["country"], r["id"])):
        positions = positions_of(record)
        if not positions:
            continue
        country = code(record["country"], None)
        same = next(
            (
                demo[(fold(n), country)]
                for n in [record["name"], *record.get("aliases", [])]
                if (fold(n), country) in demo
            ),
            None,
        )
        if same:
            slug, name = same["slug"], same["name"]
            aliases = sorted(
                {*same["aliases"], *record.get("aliases", []), record["name"]} - {name}
            )
        else:
            name = record["name"].lstrip("&;,. ")
            aliases = sorted(set(record.get("aliases", [])) - {name})
            base = slugify(name)
            for slug in (base, f"{base}-{country.lower()}", f"{base}-{record['id'].lower()}"):
                if slug not in taken:
                    break
        taken.add(slug)
        lines.append(
            {
                "official": {
                    "slug": slug,
                    "name": name,
                    "aliases": aliases,
                    "country": positions[0]["country"] if country == "DE" else country,
                    "positions": positions,
                }
            }
        )
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(lines):,} officials written to {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
