# `make run` and `make test` do all set-up on a fresh machine (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test test-faults lock assets bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_strategy --demo

run: setup
	@echo "Serving on http://$(HOST):$(PORT)/ - sign in as lead, manager, manager2, committee or apiclient (password ict-strategy-demo)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/python manage.py check
# The app graph only points downwards (pyproject.toml [tool.importlinter]).
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run
# The OpenAPI schema must generate without a single warning (tests/strategy/test_api_schema.py
# then runs schemathesis against it).
	$(BIN)/python manage.py spectacular --validate --fail-on-warn --file /dev/null
# Packs and committee reports must pass an independent PDF/UA-1 checker with no error
# (tests/reporting/test_pdf_ua.py); the log names the checker and its version.
	$(BIN)/outloud --version
	$(BIN)/python -m pytest

# Fault tests (tests/faults/, left out of `make test`): a worker killed mid-build, Redis stopped,
# the database connection cut mid-update, 20 API clients while a pack builds. They need
# PostgreSQL (DATABASE_URL, as .ci/run sets it) and redis-server, and start their own Redis,
# workers and gunicorn.
test-faults: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/faults -m faults

# Speed checks: each prints ratios against a baseline measured in the same run (bench/README.md).
# bench/api.py needs PostgreSQL (it makes its own database, BENCH_DATABASE_URL) and wrk.
bench: $(VENV)/.installed
	$(BIN)/python bench/api.py
	$(BIN)/python bench/pack.py

# Re-pin every installed package after changing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

# Re-vendor the front end from npm (package.json): GOV.UK Frontend compiled for a non-gov.uk
# service (no GDS Transport font and no GOV.UK favicons or logos: those are for GOV.UK only), and
# axe-core for the accessibility tests. The results are committed, so `make run`
# needs no Node.js.
GOVUK := node_modules/govuk-frontend/dist/govuk
assets:
	npm ci --no-audit --no-fund
	./node_modules/.bin/sass --style=compressed --no-source-map --load-path=node_modules --quiet-deps \
		assets/govuk.scss static/vendor/govuk-frontend/govuk-frontend.min.css
	cp $(GOVUK)/govuk-frontend.min.js static/vendor/govuk-frontend/
	# The compiled CSS names the crest (for a footer style we never use); collectstatic needs the file.
	mkdir -p static/vendor/govuk-frontend/assets/images
	cp $(GOVUK)/assets/images/govuk-crest.svg static/vendor/govuk-frontend/assets/images/
	cp node_modules/axe-core/axe.min.js tests/browser/vendor/axe.min.js

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
