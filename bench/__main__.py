"""The development tools, outside the site: `python -m bench run …` (the load benchmark) and
`python -m bench generate N …` (synthetic meetings). `make bench` runs the first."""

import os
import sys

USAGE = """usage: python -m bench run [options]        serve the site under load and measure it
       python -m bench generate N [options] synthetic meetings, to a file or the database
Each takes --help."""


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meetings.settings")
    import django

    django.setup()
    from bench import generate, loadtest

    commands = {"run": loadtest.Command, "generate": generate.Command}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(USAGE)
    commands[sys.argv[1]]().run_from_argv(["python -m bench", *sys.argv[1:]])


if __name__ == "__main__":
    main()
