# Two entry points, both safe on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= output

.PHONY: serve build test lint clean

$(VENV)/.runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

serve: $(VENV)/.runtime
	$(BIN)/insatsbas serve --out $(OUT)

build: $(VENV)/.runtime
	$(BIN)/insatsbas build --out $(OUT)

test: $(VENV)/.test
	bash .ci/install-browser
	$(BIN)/ruff check insatsbas tests build.py benchmarks
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check insatsbas tests build.py benchmarks

clean:
	rm -rf $(OUT) .pytest_cache
