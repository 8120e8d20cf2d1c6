# Two entry points: `make run` (the app on its embedded default) and `make test` (the whole suite).
# Each creates or updates its own virtual environment in .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint messages

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/app.py
	$(BIN)/python benchmarks/inflect.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks app.py

messages: $(STAMP)
	$(BIN)/python scripts/messages.py
