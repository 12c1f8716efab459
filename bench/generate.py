"""`python -m bench generate N`: synthetic meetings written to a file or imported."""

import time

from django.core.management.base import BaseCommand, CommandError

from bench.generator import Generator
from meetings.bulk.files import open_output
from meetings.bulk.importer import BATCH_SIZE, Importer
from meetings.countries import load_countries
from meetings.models import Country


class Command(BaseCommand):
    help = (
        "Write N synthetic meetings to a JSONL file (realistic mix of countries, officials, "
        "venues, summits and topics; the same seed gives the same file), or load them directly."
    )

    def add_arguments(self, parser):
        parser.add_argument("n", type=int, metavar="N", help="how many meetings")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
        target = parser.add_mutually_exclusive_group()
        target.add_argument(
            "--output",
            metavar="FILE",
            help="where to write (default synthetic-N.jsonl; - for stdout; .gz compresses)",
        )
        target.add_argument(
            "--load", action="store_true", help="import the meetings instead of writing a file"
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="with --load")

    def handle(self, *args, n, seed, output, load, batch_size, **options):
        if n < 0:
            raise CommandError("N cannot be negative.")
        if not Country.objects.exists():
            load_countries()
        started = time.monotonic()
        generator = Generator(seed)
        lines = generator.lines(n)
        if load:
            importer = Importer(
                batch_size=batch_size,
                report=lambda line, reason: self.stderr.write(f"line {line}: {reason}"),
                progress=self.stderr.write,
            )
            counts = importer.run(lines)
            for warning in counts.warnings:
                self.stderr.write(f"warning: {warning}")
            self.stdout.write(f"Generated and imported {n:,} meetings: {counts.summary()}")
            return
        output = output or f"synthetic-{n}.jsonl"
        say = self.stderr.write if output == "-" else self.stdout.write
        try:
            with open_output(output, stdout=self.stdout) as out:
                buffer = []
                for line in lines:
                    buffer.append(line)
                    if len(buffer) >= 1000:
                        buffer.append("")
                        out.write("\n".join(buffer))
                        buffer = []
                if buffer:
                    buffer.append("")
                    out.write("\n".join(buffer))
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc}") from exc
        seconds = time.monotonic() - started
        where = "stdout" if output == "-" else output
        world = generator.world
        say(
            f"Wrote {n:,} meetings to {where} in {seconds:.1f} s ({len(world.countries)} "
            f"countries, {len(world.officials):,} officials, {len(world.venues)} venues, "
            f"{len(world.occasions)} occasions, {len(world.topics)} topics)."
        )
