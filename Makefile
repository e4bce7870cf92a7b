# Everything a fresh Linux machine with Python 3.11+ needs: `make run` and `make test` create .venv
# and install the project (pinned by constraints.txt) on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SOURCES := app tests build_scripts

.PHONY: run test test-fast lint bench bench-measure screenshots lock clean bundle package test-packaging translations

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,lint]'
	@touch $(STAMP)

# The built-in content pack, checked once and pickled beside it, so the app shows it without
# importing the validator (app/domain/pack_snapshot.py); rebuilt when the pack or its loader
# changes. A missing or stale snapshot is never used: the app checks the pack itself then.
PACK     := resources/content/microneedling-acne-scars
SNAPSHOT := $(PACK).snapshot
$(SNAPSHOT): $(STAMP) $(shell find $(PACK) app/domain -type f -not -path '*/__pycache__/*')
	$(PY) build_scripts/pack_snapshot.py

# PyInstaller (the `build` extra), for the bundles.
BUILD_STAMP := $(VENV)/.installed-build
$(BUILD_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[build]'
	@touch $(BUILD_STAMP)

# The onedir bundles (build_scripts/companion.spec), rebuilt when what goes into them changes.
BUNDLE      := dist/microneedling-companion/microneedling-companion
BARE_BUNDLE := dist/bare-window/bare-window
BUNDLE_INPUTS := $(shell find app resources -type f -not -path '*/__pycache__/*') \
	build_scripts/companion.spec build_scripts/translations.py build_scripts/icons.py
$(BUNDLE): $(BUILD_STAMP) $(SNAPSHOT) $(BUNDLE_INPUTS)
	@build_scripts/debian-deps.sh build
	$(PY) build_scripts/package.py --bundle-only
	@touch $(BUNDLE)
$(BARE_BUNDLE): $(BUILD_STAMP) build_scripts/bare_window.py build_scripts/companion.spec
	@build_scripts/debian-deps.sh build
	$(PY) build_scripts/package.py --bare-window
	@touch $(BARE_BUNDLE)

# The compiled translations (.qm) next to their sources, for running from the checkout; they are
# build output (.gitignore), made again whenever a .ts changes.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(PY) build_scripts/translations.py resources/translations >/dev/null

# Refresh the .ts sources from the code (lupdate): run after changing any user-visible string,
# then translate what it marks unfinished (Qt Linguist: .venv/bin/pyside6-linguist FILE.ts).
translations: $(STAMP)
	$(PY) build_scripts/translations.py --update

run: $(STAMP) $(QM_FILES) $(SNAPSHOT)
	$(PY) -m app $(ARGS)

# The tests set QT_QPA_PLATFORM=offscreen themselves; it is repeated here for anything they spawn.
# Every test: the app's, then the bundle's and the packages' (tests/packaging, marked
# `packaging`, run on what `make package` built; it rebuilds only when app/ or resources/
# changed). `make test-fast` leaves the bundle out, for quick runs while working.
test: test-fast test-packaging

test-fast: $(STAMP) $(QM_FILES) $(SNAPSHOT)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not packaging" $(PYTEST_ARGS)

# The bundle, then on Linux dist/*.tar.xz and dist/*.deb (build_scripts/package.py).
bundle: $(BUNDLE)
package: $(BUNDLE)
	$(PY) build_scripts/package.py --skip-build

# Tests of the bundle and the packages made by `make package` (once; the tests reuse them).
test-packaging: package
	@build_scripts/debian-deps.sh test
	QT_QPA_PLATFORM=offscreen MNC_DIST=$(CURDIR)/dist $(PY) -m pytest -m packaging tests/packaging $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(SOURCES)
	$(VENV)/bin/ruff format --check $(SOURCES)
	$(VENV)/bin/mypy

# Each measurement runs even when one before it is over its budget (each prints its own verdict);
# make fails at the end if any was over.
BENCH_STEPS := \
	"build_scripts/bench.py --bundle dist/microneedling-companion --bare-bundle dist/bare-window" \
	"build_scripts/kiosk_soak.py --transitions 20000 --budget-mb-per-1000 0.2" \
	"build_scripts/home_soak.py --transitions 20000 --budget-mb-per-1000 0.2" \
	"build_scripts/attract_cpu.py --seconds 60 --budget-percent 0.3"
bench: $(STAMP) $(SNAPSHOT) $(BUNDLE) $(BARE_BUNDLE)
	@$(MAKE) --no-print-directory bench-measure

# The measurements alone, on what is already built (tests/test_make_bench.py drives it).
bench-measure:
	@over=""; \
	for step in $(BENCH_STEPS); do \
		echo "QT_QPA_PLATFORM=offscreen $(PY) $$step"; \
		QT_QPA_PLATFORM=offscreen $(PY) $$step || over="$$over\n  $$step"; \
	done; \
	if [ -n "$$over" ]; then printf 'bench: over budget (or failed):%b\n' "$$over"; exit 1; fi

screenshots: $(STAMP) $(QM_FILES) $(SNAPSHOT)
	QT_QPA_PLATFORM=offscreen $(PY) build_scripts/screenshots.py --largest

# Re-resolve the pinned versions after changing dependencies in pyproject.toml.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check '.[test,lint,build]'
	.venv-lock/bin/pip freeze --exclude microneedling-companion --exclude-editable > constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
