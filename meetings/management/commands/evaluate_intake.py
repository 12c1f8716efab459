import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.intake.evaluation import LabelError, evaluate
from meetings.intake.places import ensure_places


def fraction(value: str) -> float:
    """A floor between 0 and 1, as --min-f1 takes it."""
    number = float(value)
    if not 0 <= number <= 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Run the article reader on every *.json article in FOLDER and print precision, recall "
        "and F1 for meetings and participants, accuracy for date, venue, kind, topics and "
        "participants' countries, and the time per article. With --min-f1 or "
        "--min-participant-f1 the command fails when a figure is below its floor."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--json", type=Path, dest="json_out", help="write the figures here")
        parser.add_argument(
            "--predictions", type=Path, help="write each article's proposed meetings here"
        )
        parser.add_argument("--verbose-articles", action="store_true", help="one line per article")
        parser.add_argument(
            "--min-f1",
            type=fraction,
            metavar="X",
            help="fail (exit status 1) when the meeting F1 is below X (0 to 1)",
        )
        parser.add_argument(
            "--min-participant-f1",
            type=fraction,
            metavar="X",
            help="fail (exit status 1) when the participant F1 is below X (0 to 1)",
        )

    def handle(self, folder: Path, json_out: Path | None, predictions: Path | None, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        ensure_places()
        try:
            figures = evaluate(folder, predictions)
        except LabelError as exc:
            raise CommandError(str(exc)) from None
        m, p, a = figures["meetings"], figures["participants"], figures["accuracy"]
        country = figures["participant_country_accuracy"]
        lines = [
            f"Articles: {figures['articles']} ({figures['no_meeting_articles']} with no meeting)",
            f"Meetings:      precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
            f"F1 {m['f1']:.3f}",
            f"Participants:  precision {p['precision']:.3f}  recall {p['recall']:.3f}  "
            f"F1 {p['f1']:.3f}",
            "Accuracy in matched meetings: "
            + "  ".join(f"{k} {v:.3f}" if v is not None else f"{k} n/a" for k, v in a.items()),
            "Participant country accuracy in matched meetings: "
            + (f"{country:.3f}" if country is not None else "n/a"),
            f"Topics (mean Jaccard): {figures['topics_jaccard']}",
            "False meetings on no-meeting articles: "
            f"{figures['false_meetings_on_no_meeting_articles']}",
            f"Time: {figures['ms_per_article']} ms per article on average, "
            f"{figures['ms_per_5000_chars_max']} ms per 5,000 characters at worst",
        ]
        if figures["missed_meetings"]:
            lines.append(
                "Labelled meetings not found: "
                + "; ".join(f"{why}: {n}" for why, n in figures["missed_meetings"].items())
            )
        if options["verbose_articles"]:
            for row in figures["per_article"]:
                flag = "" if row["gold"] == row["predicted"] == row["matched"] else "  <--"
                lines.append(
                    f"  {row['file']}: gold {row['gold']}, proposed {row['predicted']}, "
                    f"matched {row['matched']}{flag}"
                )
                if not row["predicted"] and row.get("notes"):
                    # Why nothing was proposed: no meeting, or a text the reader cannot read.
                    lines.append(f"      {row['notes'][-1]}")
        self.stdout.write("\n".join(lines))
        if json_out:
            json_out.write_text(json.dumps(figures, indent=2))
        failed = [f"the reader failed on {error}" for error in figures["errors"]]
        failed += [
            f"{label} {figure:.3f} is below the floor {floor:.3f} ({flag})"
            for label, figure, floor, flag in (
                ("Meeting F1", m["f1"], options["min_f1"], "--min-f1"),
                ("Participant F1", p["f1"], options["min_participant_f1"], "--min-participant-f1"),
            )
            if floor is not None and figure < floor
        ]
        if failed:
            raise CommandError("; ".join(failed))
