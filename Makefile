# mappa — run `make help` for the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
TOOLS      := .tools
UV         := $(TOOLS)/bin/uv
VENV       := .venv
MAPPA      := $(VENV)/bin/mappa
PORT       ?= 8000
# The port reaches the settings too: MAPPA_SITE_URL, the address in e-mail links, follows it.
export PORT
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run test lint bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --quiet
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed ## install locked Python and front-end dependencies

run: install ## install, migrate SQLite, load the demo area and serve on http://127.0.0.1:$(PORT)
	MAPPA_ENV=development MAPPA_DEMO=1 $(MAPPA) migrate --no-input
	MAPPA_ENV=development MAPPA_DEMO=1 $(MAPPA) collectstatic --no-input --verbosity 0
	MAPPA_ENV=development MAPPA_DEMO=1 $(MAPPA) demo
	MAPPA_ENV=development MAPPA_DEMO=1 $(MAPPA) serve --port $(PORT)

test: install ## install and run the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	scripts/ensure-test-tools
	MAPPA_ENV=test $(VENV)/bin/pytest

bench: install ## national-scale benchmarks on a throwaway PostgreSQL (writes docs/benchmarks.md)
	bash bench/run.sh

lint: install ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean: ## remove installed dependencies and local databases
	rm -rf $(TOOLS) $(VENV) node_modules staticfiles db.sqlite3*
