# SKP-metodebanken. Two commands do all set-up on a fresh machine (see README.md):
#   make serve   venv + pinned dependencies + Pyodide from npm, build, serve on 127.0.0.1:8000
#                (another port: make serve PORT=8001; stop with Ctrl+C)
#   make test    the same set-up + Debian chromium, then the whole test suite
# Versions are pinned in pyproject.toml (Python) and package.json + package-lock.json (Pyodide).

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# mkdocs-material prints an end-of-life notice about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1
PORT ?= 8000

.PHONY: setup serve build test check docs-fields chromium bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade "pip>=24"
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
# the PDFs with poppler's pdftotext.
chromium:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null || { \
	  echo "Installerer Debians chromium og poppler-utils …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; }

test: setup chromium
	$(PY) -m pytest

# Speed and size goals (not part of the test suite): build time, page weight, time to "ready".
bench: setup chromium
	$(PY) tests/benchmark.py

clean:
	rm -rf site build $(VENV) node_modules *.egg-info
