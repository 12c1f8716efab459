import gzip
import json
from pathlib import Path

from django.core.management.base import BaseCommand

from meetings import history
from meetings.bulk.importer import Importer
from meetings.countries import load_countries
from meetings.models import Official

OFFICIALS = Path(__file__).resolve().parents[2] / "data" / "officials.jsonl.gz"
# each a whole official that replaces the knowledge base's of its slug, or is added
CORRECTIONS = OFFICIALS.with_name("officials-corrections.json")


class Command(BaseCommand):
    help = (
        f"Import the knowledge base of officials ({OFFICIALS.name}: heads of state and "
        "government, foreign, defence, finance and trade ministers with their dated terms, from "
        "open data; tools/knowledge_base/SOURCES.md), with the corrections in "
        f"{CORRECTIONS.name}, through the JSONL importer. Only the "
        "officials the tracker does not have yet are written: an editor's corrections stay."
    )

    def handle(self, *args, **options):
        load_countries()
        with gzip.open(OFFICIALS, "rt", encoding="utf-8") as lines:
            wanted = {json.loads(line)["official"]["slug"]: line for line in lines}
        for correction in json.loads(CORRECTIONS.read_text(encoding="utf-8"))["corrections"]:
            official = correction["official"]
            wanted[official["slug"]] = json.dumps({"official": official}, ensure_ascii=False)
        have = set(Official.objects.filter(slug__in=list(wanted)).values_list("slug", flat=True))
        new = [line for slug, line in wanted.items() if slug not in have]
        if not new:
            self.stdout.write(f"The {len(wanted):,} officials of the knowledge base are in.")
            return
        counts = Importer(report=lambda n, reason: self.stderr.write(f"line {n}: {reason}")).run(
            new
        )
        done = (
            f"{counts.officials:,} officials and {counts.positions:,} positions added "
            f"({len(have):,} were in already)."
        )
        account = history.command_user()
        history.record_run(account, Official, f"load_officials {OFFICIALS.name}", done)
        self.stdout.write(f"Knowledge base: {done}")
