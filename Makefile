# Two entry points a fresh Debian machine with Python 3.11 needs: `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: setup demo test lint browser clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/newsweave summarize examples/harbor-bridge --max-words 150 --format markdown

# Debian's chromium drives the HTML report's browser tests; root installs it with apt-get.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src/newsweave

test: setup browser lint
	$(BIN)/pytest -n 2 tests

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
