# Everything a fresh Linux machine with Python 3.11+ needs: `make run` and `make test` create .venv
# and install the project (pinned by constraints.txt) on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SOURCES := app tests build_scripts

.PHONY: run test lint bench screenshots lock clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,lint]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m app $(ARGS)

# The tests set QT_QPA_PLATFORM=offscreen themselves; it is repeated here for anything they spawn.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(SOURCES)
	$(VENV)/bin/ruff format --check $(SOURCES)
	$(VENV)/bin/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) build_scripts/bench.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) build_scripts/screenshots.py --largest

# Re-resolve the pinned versions after changing dependencies in pyproject.toml.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check '.[test,lint,build]'
	.venv-lock/bin/pip freeze --exclude microneedling-companion --exclude-editable > constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
