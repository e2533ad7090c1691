# seisai developer commands. `make quickstart` sets everything up and runs the main job;
# `make test` runs the whole test suite (the command CI runs).
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LISTS ?= ../shared/data/lists

.PHONY: setup test lint typecheck check quickstart bench clean

$(BIN)/seisai: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@

setup: $(BIN)/seisai

test: setup
	$(BIN)/pytest -q -n 2 --dist loadgroup

lint: setup
	$(BIN)/ruff check seisai tests bench

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

quickstart: setup
	$(BIN)/seisai quickstart $(if $(wildcard $(LISTS)),--lists "$(LISTS)")

bench: setup
	$(BIN)/pip install -q -e ".[dev,bench]"
	$(BIN)/python -m bench all

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
