# newsdigest — `make html` sets everything up on first use, then builds output/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.dev-installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PY := $(BIN)/python
PORT ?= 8000
# The importer (tools/) and the plugins it shares code with, one folder per pipeline stage.
IMPORT_PATH := tools:plugins/core:plugins/read:plugins/link:plugins/write:plugins/speed

.PHONY: html publish websub serve test test-tools lint import eval-import bench clean help

help:
	@echo "make html            build the site into output/ (sets up .venv on first use)"
	@echo "make serve           build, serve on http://127.0.0.1:$(PORT)/ and rebuild on change"
	@echo "make publish         build with publishconf.py (absolute URLs); tells WEBSUB_HUB of changed feeds"
	@echo "make websub          tell WEBSUB_HUB of the published feeds it was not told of yet"
	@echo "make test            run the whole test suite"
	@echo "make import SRC=f    import a text or HTML article into content/articles/"
	@echo "make eval-import CORPUS=d  measure the importer on saved pages with expected metadata"
	@echo "make bench           benchmark against plain Pelican (figures in output-bench/)"
	@echo "make lint            ruff, ruff format --check and mypy (strict)"

# Reinstalls only when requirements.txt changes (the stamp carries its checksum). A site build
# needs only the runtime set; tests, linters and the benchmark add requirements-dev.txt.
$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	rm -f $(VENV)/.dev-installed-*
	touch $@

html: $(STAMP)
	$(PY) scripts/build.py -s pelicanconf.py -o output

# --notify-hub: once output/ is in place, the WebSub hub (WEBSUB_HUB) is told of changed feeds.
publish: $(STAMP)
	$(PY) scripts/build.py -s publishconf.py -o output --notify-hub

websub: $(STAMP)
	$(PY) scripts/websub.py -o output

serve: $(STAMP)
	$(PY) scripts/serve.py --port $(PORT)

test: $(DEV_STAMP) test-tools
	$(PY) -m pytest

# Test-only tools from npm, pinned, into the gitignored tests/.tools/: axe-core (accessibility
# checks in the browser tests) and vnu-jar (the Nu Html Checker). Without npm or a registry the
# tests that need them skip locally; under CI=true a failed install fails `make test`.
TOOLS := tests/.tools
TOOLS_PINS := axe-core@4.14.1 vnu-jar@26.9.27
TOOLS_STAMP := $(TOOLS)/.installed-$(subst @,-,$(subst $() ,_,$(TOOLS_PINS)))

test-tools: $(TOOLS_STAMP)

$(TOOLS_STAMP):
	@mkdir -p $(TOOLS)
	@if npm install --prefix $(TOOLS) --no-audit --no-fund --no-save --silent $(TOOLS_PINS); then \
	  rm -f $(TOOLS)/.installed-* && touch $@; \
	elif [ "$$CI" = true ]; then echo "test-tools: npm install failed" >&2; exit 1; \
	else echo "test-tools: npm install of $(TOOLS_PINS) failed; tests needing them will skip" >&2; fi

lint: $(DEV_STAMP)
	$(BIN)/ruff check plugins tools scripts tests
	$(BIN)/ruff format --check plugins tools scripts tests
	$(BIN)/mypy

# `make import SRC=article.txt ARGS='--title "…" --date 2026-01-25'`
import: $(STAMP)
	@test -n "$(SRC)" || { echo "usage: make import SRC=<file.txt|file.html> [ARGS='--title ... --date ...']"; exit 2; }
	PYTHONPATH=$(IMPORT_PATH) $(PY) -m news_import "$(SRC)" $(ARGS)

# `make bench N="1000 5000" RUNS=3` (the defaults)
bench: $(DEV_STAMP)
	$(PY) scripts/bench.py $(if $(N),--n $(N)) $(if $(RUNS),--runs $(RUNS))

clean:
	rm -rf output output.* .cache __pycache__ .pytest_cache

# `make eval-import CORPUS=/tmp/readability/test/test-pages` (Readability's layout; -v: details)
eval-import: $(STAMP)
	@test -n "$(CORPUS)" || { echo "usage: make eval-import CORPUS=<folder of <case>/source.html + expected-metadata.json> [ARGS=-v]"; exit 2; }
	PYTHONPATH=$(IMPORT_PATH) $(PY) -m news_import.evaluate "$(CORPUS)" $(ARGS)
