import json
import sys
import tarfile
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.historian.evaluation import LabelError, evaluate
from meetings.management.commands.import_historian import SNAPSHOT


class Command(BaseCommand):
    help = (
        "Score how import_historian reads the records against records labelled by hand "
        "(LABELS: a JSON list as in tests/historian/): meeting precision, recall and F1, "
        "participant F1 and the accuracy of counterparts' countries."
    )

    def add_arguments(self, parser):
        parser.add_argument("labels", type=Path, metavar="LABELS")
        parser.add_argument(
            "--data", type=Path, help=f"the records (default: the snapshot {SNAPSHOT.name})"
        )
        parser.add_argument("--json", type=Path, dest="json_out", help="write the figures here")
        parser.add_argument("--verbose-records", action="store_true", help="one line per record")
        parser.add_argument("--min-f1", type=float, help="fail below this meeting F1")

    def handle(self, *args, labels: Path, data: Path | None, json_out, min_f1, **options):
        if data is None:
            with tempfile.TemporaryDirectory() as unpacked:
                with tarfile.open(SNAPSHOT) as archive:
                    archive.extractall(unpacked, filter="data")
                return self.handle(
                    labels=labels,
                    data=Path(unpacked),
                    json_out=json_out,
                    min_f1=min_f1,
                    **options,
                )
        try:
            figures = evaluate(labels, data)
        except LabelError as exc:
            raise CommandError(str(exc)) from None
        m, p = figures["meetings"], figures["participants"]
        lines = [
            f"Records: {figures['records']}",
            f"Meetings:      precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
            f"F1 {m['f1']:.3f}",
            f"Participants:  precision {p['precision']:.3f}  recall {p['recall']:.3f}  "
            f"F1 {p['f1']:.3f}",
            f"Counterparts' country right: {figures['country_accuracy']}",
        ]
        if options["verbose_records"]:
            for row in figures["per_record"]:
                flag = "" if row["gold"] == row["proposed"] == row["matched"] else "  <--"
                lines.append(
                    f"  {row['collection']} {row['id']}: gold {row['gold']}, proposed "
                    f"{row['proposed']}, matched {row['matched']}{flag}"
                )
        self.stdout.write("\n".join(lines))
        if json_out:
            json_out.write_text(json.dumps(figures, indent=2))
        if min_f1 is not None and m["f1"] < min_f1:
            self.stderr.write(f"Meeting F1 {m['f1']:.3f} is below the floor {min_f1}.")
            sys.exit(1)
