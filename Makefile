# Two entry points: `make run` (the app on its embedded default) and `make test` (the fast suite:
# unit, docx, store on SQLite, AppTest and the browser smoke test, on two xdist workers).
# `make test-all` is every test: the rest of the browser tests, PostgreSQL (when
# PRESSDRAFT_TEST_POSTGRES_URL is set; .ci/run sets it), the two-server test and LibreOffice in
# parallel, then the load test alone, since it needs the whole machine.
# Each creates or updates its own virtual environment in .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

WORKERS ?= 2
FAST := (smoke or not browser) and not postgres and not libreoffice
PYTEST := $(BIN)/python -m pytest
# worksteal: a worker that runs out of tests takes the pending half of the other's, so a few
# long browser tests do not leave one core idle at the end
PARALLEL := $(PYTEST) -n $(WORKERS) --dist worksteal

.PHONY: run test test-all bench lint messages

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

test: $(STAMP)
	$(PARALLEL) -m "$(FAST)"

test-all: $(STAMP)
	$(PARALLEL) -m "not load"
	$(PYTEST) -m load

bench: $(STAMP)
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/app.py
	$(BIN)/python benchmarks/inflect.py
	$(BIN)/python benchmarks/first_page.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks app.py

messages: $(STAMP)
	$(BIN)/python scripts/messages.py
