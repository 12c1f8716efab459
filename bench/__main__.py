"""The development tools, outside the site: `python -m bench run …` (the load benchmark),
`python -m bench generate N …` (synthetic meetings) and `python -m bench export` (a whole
export's time and memory). `make bench` runs the first."""

import os
import sys

USAGE = """usage: python -m bench run [options]        serve the site under load and measure it
       python -m bench generate N [options] synthetic meetings, to a file or the database
       python -m bench export [--path P]    time and peak memory of a whole export, streamed
Each takes --help."""


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meetings.settings")
    import django

    django.setup()
    from bench import export, generate, loadtest

    commands = {"run": loadtest.Command, "generate": generate.Command, "export": export.Command}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(USAGE)
    commands[sys.argv[1]]().run_from_argv(["python -m bench", *sys.argv[1:]])


if __name__ == "__main__":
    main()
