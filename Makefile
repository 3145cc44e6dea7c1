# Two entry points a fresh Debian machine with Python 3.11 needs: `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: setup demo demo-desk test lint browser postgres clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/newsweave summarize examples/harbor-bridge --max-words 150 --format markdown

# The live desk: the shipped example stories in a store, served on http://127.0.0.1:8000
# (writes take the token "demo" unless NEWSWEAVE_TOKEN is set). Ctrl-C stops it.
DESK_EXAMPLES := examples/harbor-bridge $(wildcard ../shared/examples/hanoi-summit)
demo-desk: setup
	$(BIN)/newsweave ingest $(DESK_EXAMPLES) --db demo-desk.db --quiet
	NEWSWEAVE_TOKEN=$${NEWSWEAVE_TOKEN:-demo} $(BIN)/newsweave serve --db demo-desk.db

# Debian's chromium drives the HTML report's browser tests; root installs it with apt-get.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL: the desk's shared-store tests start a throwaway server from it.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src/newsweave

test: setup browser postgres lint
	$(BIN)/pytest -n 2 tests

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
