# SKP-metodebanken. Two commands do all set-up on a fresh machine (see README.md):
#   make serve   venv + pinned dependencies + Pyodide from npm, build, serve on 127.0.0.1:8000
#                (another port: make serve PORT=8001; stop with Ctrl+C)
#   make test    the same set-up + lint + Debian chromium, then the whole test suite
# Versions are pinned in pyproject.toml (Python) and package.json + package-lock.json (Pyodide).

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# mkdocs-material prints an end-of-life notice about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1
PORT ?= 8000

.PHONY: setup serve build test test-fast lint check docs-fields chromium bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install -q -e ".[site,test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed node_modules/.installed

build: setup
	$(PY) -m mkdocs build --strict --site-dir site

# Rebuilds on every save in docs/, overrides/ and exercises/data/ (mkdocs.yml `watch:`).
# Ctrl+C (or a TERM from an editor or terminal tool) ends the server quietly: the trap turns
# the stop into a normal exit, so make prints no "*** [serve] Interrupt/Terminated".
serve: setup
	@echo "Siden kører på http://127.0.0.1:$(PORT)/ – stop den med Ctrl+C."
	@trap "exit 0" INT TERM; $(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

# Authors: validate every case and exercise file (exit 1 with file:line messages on errors).
check: setup
	$(PY) -m exercises check

# The field reference in CONTRIBUTING.md is generated from the validator's schema (a test checks it).
docs-fields: setup
	$(PY) -m exercises fields --write

# Browser tests drive Debian's chromium (never a downloaded browser build); print tests read
# the PDFs with poppler's pdftotext; the deploy test runs deploy/nginx.conf with Debian's nginx.
chromium:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null && test -x /usr/sbin/nginx || { \
	  echo "Installerer Debians chromium, poppler-utils og nginx …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils nginx >/dev/null; }

# Two workers (pytest-xdist); tests that share a costly fixture are kept on one worker (xdist_group).
XDIST := -n 2 --dist loadgroup

# Lint runs beside the suite (mypy is some 8 s of one core); either one failing fails the target.
test: setup chromium
	@$(MAKE) --no-print-directory lint & lint=$$!; \
	$(PY) -m pytest $(XDIST); tests=$$?; \
	wait $$lint; linted=$$?; \
	exit $$(( tests || linted ))

# Everything that needs no browser (unit, data and built-site tests): a quick check while editing.
test-fast: setup
	$(PY) -m pytest $(XDIST) -m "not browser"

# ruff and mypy, configured in pyproject.toml.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# Speed and size goals (not part of the test suite): build time, page weight, time to "ready".
bench: setup chromium
	$(PY) tests/benchmark.py

clean:
	rm -rf site build $(VENV) node_modules *.egg-info
