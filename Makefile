# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GONGKAI := $(BIN)/gongkai
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev serve-setup test date-guard install lint schema lock clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall whenever the pinned requirements or the project metadata change.
$(VENV)/.installed: requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

serve-setup: install
	mkdir -p var
	$(GONGKAI) migrate --no-input -v 0
	$(GONGKAI) demo load --if-empty
	$(GONGKAI) reindex --if-unavailable
	@echo "门户： http://$(HOST):$(PORT)/    工作台： http://$(HOST):$(PORT)/workbench/"

# As users see it: DEBUG off, the project's own Chinese error pages. HOST and PORT may be set
# (make run HOST=0.0.0.0 PORT=8080); the host is then allowed too.
run: serve-setup
	DEBUG=false ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost,$(HOST)}" \
	  $(GONGKAI) runserver $(HOST):$(PORT)

# For development: Django's debug pages and automatic reloading.
dev: serve-setup
	DEBUG=true $(GONGKAI) runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports --no-cache

# One test process per core. Tests are handed out one by one in the suite's order, which keeps the
# tests that empty the database (transactional, browser) after the others in each process.
PARALLEL ?= -n auto --dist load

test: lint
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(GONGKAI) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(BIN)/python -m pytest $(PARALLEL) $(PYTEST_ARGS)
	$(if $(SKIP_DATE_GUARD),,$(MAKE) --no-print-directory date-guard)

# The date-sensitive tests (the clock, queues, reminders, status page, calendar, the application
# journey) again on the days that have broken them: late December, 2 January, the working day
# before Spring Festival (2026 and 2027), and November with next year's schedule not imported.
# The fuzzing (marker `fuzz`) does not depend on the day; it runs once, in the suite.
DATE_GUARD_DAYS := 2026-12-21 2027-01-02 2026-02-14 2027-02-04 2026-11-16
DATE_GUARD_TESTS := tests/applications tests/calendar tests/core tests/portal \
	tests/workbench/test_holiday_calendar_page.py tests/browser/test_application_journey.py
date-guard: install
	@for day in $(DATE_GUARD_DAYS); do \
	  echo "== 以 $$day 为今天"; \
	  DJANGO_SETTINGS_MODULE=gongkai.settings.test $(BIN)/python -m pytest -q $(PARALLEL) \
	    --today=$$day -m "not fuzz" -k "not test_the_demo_has_work_due_on_any_day" \
	    $(DATE_GUARD_TESTS) \
	    || exit 1; \
	done

# Regenerate the committed OpenAPI document after changing the API.
schema: install
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(GONGKAI) spectacular --validate --file docs/openapi.yaml

# Re-pin every dependency from pyproject.toml.
lock: install
	$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/base.txt pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links --extra dev -o requirements/dev.txt pyproject.toml
