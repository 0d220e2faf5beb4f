# JXC: `make demo` sets everything up and serves the demo; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
JXC_PORT ?= 8000
JXC_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jxc
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup demo serve test lint test-sqlite test-postgres bench messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

jxc/static/vendor/.copied: node_modules/.installed scripts/vendor_assets.py
	$(PY) scripts/vendor_assets.py
	touch $@

messages: $(BIN)/.installed
	@command -v msgfmt >/dev/null || bash scripts/ensure_system_packages.sh gettext
	$(PY) manage.py compilemessages --verbosity 0 --ignore .venv --ignore node_modules

setup: $(BIN)/.installed jxc/static/vendor/.copied messages
	@mkdir -p var

demo: setup
	$(BIN)/jxc demo
	@echo ""
	@echo "Open http://127.0.0.1:$(JXC_PORT)/ and sign in with one of the logins above."
	JXC_PORT=$(JXC_PORT) $(BIN)/jxc serve

serve: setup
	JXC_PORT=$(JXC_PORT) $(BIN)/jxc serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

test-sqlite: setup
	@echo "== test suite on SQLite =="
	bash scripts/ensure_chromium.sh
	env -u JXC_DATABASE_URL $(BIN)/pytest

test-postgres: setup
	@echo "== test suite on PostgreSQL ($(JXC_TEST_DATABASE_URL)) =="
	@if bash scripts/postgres_ready.sh "$(JXC_TEST_DATABASE_URL)"; then \
		bash scripts/ensure_chromium.sh && \
		JXC_DATABASE_URL="$(JXC_TEST_DATABASE_URL)" $(BIN)/pytest; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "ERROR: PostgreSQL is not reachable and CI=true: failing."; exit 1; \
	else \
		echo ""; echo "!!!!!!!! WARNING: PostgreSQL is not reachable: the PostgreSQL run was SKIPPED !!!!!!!!"; echo ""; \
	fi

test: lint test-sqlite test-postgres

bench: setup
	@for script in bench/bench_*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) node_modules jxc/static/vendor var/static
