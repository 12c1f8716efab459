# The README's commands. Everything lands in .venv; nothing is installed outside the project.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install lint clean bench fault

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# one test process per CPU (pytest-xdist); each has its own test database
test: $(STAMP)
	$(BIN)/python -m pytest -n auto

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
		{ echo "Python 3.12 or newer is needed (found: $$($(PYTHON) --version 2>&1))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The benchmark (README, "Benchmark"): N meetings, DURATION seconds of wrk per page kind.
# Both work: `make bench N=1000000` and `N=1000000 make bench`; BENCH_ARGS=--reuse keeps the
# database when it already holds the same N meetings.
N ?= 100000
DURATION ?= 10
BENCH_ARGS ?=

bench: $(STAMP)
	@command -v wrk >/dev/null || { \
		echo "wrk is missing; installing Debian's package"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(BIN)/python -m bench run --meetings $(N) --duration $(DURATION) $(BENCH_ARGS)

# The fault test (README, "Security and reliability"): gunicorn under load while its own
# throwaway PostgreSQL is stopped for OUTAGE seconds; `make fault OUTAGE=3 BEFORE=3 AFTER=4`
# is CI's smoke version.
BEFORE ?= 5
OUTAGE ?= 10
AFTER ?= 10

fault: $(STAMP)
	$(BIN)/python -m bench.fault --before $(BEFORE) --outage $(OUTAGE) --after $(AFTER)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
