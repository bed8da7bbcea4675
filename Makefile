# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GONGKAI := $(BIN)/gongkai
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint schema lock clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall whenever the pinned requirements or the project metadata change.
$(VENV)/.installed: requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

run: install
	mkdir -p var
	$(GONGKAI) migrate --no-input -v 0
	$(GONGKAI) demo load --if-empty
	$(GONGKAI) reindex --if-unavailable
	@echo "门户： http://$(HOST):$(PORT)/    工作台： http://$(HOST):$(PORT)/workbench/"
	$(GONGKAI) runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

test: lint
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(GONGKAI) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

# Regenerate the committed OpenAPI document after changing the API.
schema: install
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(GONGKAI) spectacular --validate --file docs/openapi.yaml

# Re-pin every dependency from pyproject.toml.
lock: install
	$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/base.txt pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links --extra dev -o requirements/dev.txt pyproject.toml
