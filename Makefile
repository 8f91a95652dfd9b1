# Two entry points, both safe on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= output

.PHONY: serve build edit test test-shifted-clock lint docs docs-cli fonts clean

$(VENV)/.runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# The pinned JavaScript tools (package-lock.json): Decap CMS and decap-server for the web editor, the `yaml`
# writer it shares with `insatsbas format`, and yaml-language-server for the tests.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(VENV)/.runtime node_modules/.installed
	$(BIN)/insatsbas serve --out $(OUT)

build: $(VENV)/.runtime node_modules/.installed
	$(BIN)/insatsbas build --out $(OUT)

# The web editor on this working copy: decap-server and the editor page on 127.0.0.1 (Ctrl-C stops both).
edit: $(VENV)/.runtime node_modules/.installed
	$(BIN)/insatsbas edit

test: $(VENV)/.test node_modules/.installed
	bash .ci/install-browser
	bash .ci/install-jq
	bash .ci/install-nginx
	$(BIN)/ruff check insatsbas tests build.py benchmarks
	$(BIN)/lint-imports
	$(BIN)/python -m pytest --durations=25

# The non-browser tests again with the clock two years ahead (faketime), so no test depends on today's date.
test-shifted-clock: $(VENV)/.test
	bash .ci/install-faketime
	bash .ci/shifted-clock

# ruff, and the layers of the package (pyproject.toml's [tool.importlinter]).
lint: $(VENV)/.test
	$(BIN)/ruff check insatsbas tests build.py benchmarks
	$(BIN)/lint-imports

# The documentation (docs/, mkdocs.yml) into docs-site/; --strict fails on a broken link or anchor.
docs: $(VENV)/.test
	$(BIN)/mkdocs build --strict

# docs/cli.md written again from the click commands (a test fails while it differs from `--help`).
docs-cli: $(VENV)/.test
	$(BIN)/cog -r docs/cli.md

# The Tigrinya font, self-hosted (package data, committed): Noto Sans Ethiopic from the pinned npm package
# @fontsource/noto-sans-ethiopic, subset with fontTools' pyftsubset to the Ethiopic syllables and punctuation
# Tigrinya uses (about 45 KB), and to the letters of the language's own name for the language switch.
FONT_SOURCE := node_modules/@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2
FONTS := insatsbas/theme/static/fonts
fonts: $(VENV)/.test node_modules/.installed
	$(BIN)/pyftsubset $(FONT_SOURCE) --unicodes="U+1200-135A,U+135D-137C" --layout-features='*' --flavor=woff2 \
		--output-file=$(FONTS)/noto-sans-ethiopic-tigrinya.woff2
	$(BIN)/pyftsubset $(FONT_SOURCE) --text="ትግርኛ" --layout-features='*' --flavor=woff2 \
		--output-file=$(FONTS)/noto-sans-ethiopic-name.woff2
	cp node_modules/@fontsource/noto-sans-ethiopic/LICENSE $(FONTS)/OFL.txt

clean:
	rm -rf $(OUT) $(dir $(OUT)).$(notdir $(OUT)).builds docs-site .pytest_cache node_modules
