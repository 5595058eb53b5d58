# Ko-Produktion: every command sets up what it needs on a fresh Debian/Ubuntu
# machine with Python 3.11. `make serve` to read, `make test` to check.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Set up once per change of the requirement files.
READY  := $(VENV)/.ready
CHROMIUM := /usr/bin/chromium
FIREFOX  := /usr/bin/firefox-esr
# npm packages (axe-core for tests, puppeteer-core for the Firefox tests, lighthouse for make bench,
# and iframe-worker and qrcode-generator, whose browser files the engine ships: `make vendor`),
# exact versions from package-lock.json; puppeteer-core never downloads a browser. A build needs none.
NODE_READY := node_modules/.ready

# Material prints an end-of-life notice on every run; we know (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build publish offline pdf linkcheck test bench browser dictionary figures host typeface hyphenation ghostscript bytecode vendor clean

help:
	@echo "make serve      read the handbook at http://127.0.0.1:8000 (rebuilds on change)"
	@echo "make build      strict build into site/ (left untouched if the build fails)"
	@echo "make publish    the website with its downloads (offline zip, fan PDF, A4 PDF) into site/"
	@echo "make offline    the offline bundle dist/ko-produktion-offline.zip (opens from file://)"
	@echo "make linkcheck  check the external links (skipped when offline)"
	@echo "make test       install everything and run all tests"
	@echo "make bench      build times and ratios, bytes a card page transfers, the fan's long tasks"
	@echo "make pdf        the printed fan as PDF, and on A4 sheets, in dist/"

# The card-fan engine (kartenfaecher/) is installed editable: MkDocs finds it as a plugin
# through its entry point, and a change in its folder needs no new install (one of its
# pyproject.toml does, hence the prerequisite). Built with the pinned setuptools, without
# fetching a build environment. In "compat" mode (a .pth naming its folder): setuptools' default
# finder comes after Python's own, which from the project's top takes the folder kartenfaecher/
# for an empty namespace package, so `import kartenfaecher` found nothing of its __init__.py.
$(READY): requirements.txt requirements-test.txt constraints.txt kartenfaecher/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check \
		-r requirements.txt -r requirements-test.txt -c constraints.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		--editable ./kartenfaecher --config-settings editable_mode=compat
	touch $@

# Without install scripts: only the Observatory's grader (and its CA bundle) has any, and they
# download from hosts we cannot reach; the grader reads an HSTS preload list, empty here (no
# local site is preloaded).
OBSERVATORY := node_modules/@mdn/mdn-http-observatory
# The engine's copies of the npm scripts the pages load, after an update of package-lock.json
# (tests/unit/test_vendor.py fails until they are the pinned files).
vendor: $(NODE_READY) $(READY) typeface
	$(BIN)/python -m tools.schrift
	cp node_modules/qrcode-generator/dist/qrcode.js kartenfaecher/kartenfaecher/vendor/qrcode-generator.js
	cp node_modules/iframe-worker/shim/index.js kartenfaecher/kartenfaecher/vendor/iframe-worker.js
	cp node_modules/iframe-worker/LICENSE kartenfaecher/kartenfaecher/vendor/iframe-worker.LICENSE

$(NODE_READY): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	echo '{}' > $(OBSERVATORY)/conf/hsts-preload.json
	touch $@

# Debian packages, each checked on its own (dpkg -s), so a machine that has some still gets
# the rest: Chromium and Firefox ESR for the browser tests (Playwright and puppeteer-core never
# download a browser), poppler-utils (the print tests read the PDFs of `make pdf` with its
# pdftoppm), hunspell-de-de (every build splits German compounds with it for the search),
# mythes-de (OpenThesaurus: the words readers may use for a card's words, for the search), and
# nginx and openssl (the host test serves the publication through Debian's nginx, over TLS
# with a certificate authority it makes; the package's own service is not started).
# A package counts as there only when dpkg says "install ok installed": `dpkg -s` also succeeds
# for one removed with its configuration files kept.
define debian
	@if ! dpkg-query -W -f='$${Status}' $(1) 2>/dev/null | grep -q 'ok installed'; then \
		echo "Installing Debian's $(1) (needs root) ..."; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		{ [ -n "$$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || $$SUDO apt-get update -qq; } && \
		{ DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null || \
		  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null; }; }; \
	fi
endef

browser:
	$(call debian,chromium)
	$(call debian,firefox-esr)
	$(call debian,poppler-utils)
	@$(CHROMIUM) --version
	@$(FIREFOX) --version

dictionary:
	$(call debian,hunspell-de-de)
	$(call debian,mythes-de)

# The English word list beside the German one: tools/umfang.py tells the languages of the
# scripts' names apart with both (its test runs in make test).
figures:
	$(call debian,hunspell-en-us)

host:
	$(call debian,nginx)
	$(call debian,openssl)

# German hyphenation for the printed fan (tools/silbentrennung.py): LibreOffice's hyphenator
# and its German patterns.
hyphenation:
	$(call debian,libhyphen0)
	$(call debian,hyphen-de)

# The print shop's file in CMYK (tools/druck.py, press_ready).
ghostscript:
	$(call debian,ghostscript)

# The printed fan's typeface: `make vendor` cuts it from Debian's Arimo into the engine
# (tools/schrift.py), and tests/unit/test_vendor.py cuts it anew to compare.
typeface:
	$(call debian,fonts-croscore)

# Our Python modules compiled to bytecode once, as Python does on its own unless
# PYTHONDONTWRITEBYTECODE is set (as on our CI machines): then every build compiled
# the engine again, a twentieth of a build of the handbook. Stale bytecode is never used.
bytecode: $(READY)
	@$(BIN)/python -m compileall -q kartenfaecher/kartenfaecher tools

serve: $(READY) bytecode dictionary
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Build beside site/ and swap it in only when the strict build succeeded, so a
# failed build never leaves a half-written site where a deploy would take it.
build: $(READY) bytecode dictionary
	rm -rf .build/site
	$(BIN)/mkdocs build --strict --site-dir .build/site
	@if [ -d site/downloads ]; then \
		echo "make build: site/downloads/ ($$(ls site/downloads | tr '\n' ' ' | sed 's/ $$//; s/ /, /g')) from the last \`make publish\` is gone:"; \
		echo "  this build has no downloads, and its page „Herunterladen“ says so; \`make publish\` makes them again."; \
	fi
	rm -rf site && mv .build/site site
	@echo "Built site/"

# The whole publication: the website with the offline bundle and both PDFs in
# site/downloads/, and the page "Herunterladen" naming them (tools/publish.py).
# Built beside site/; any failed part leaves the previous site/ as it was.
publish: $(READY) bytecode browser dictionary hyphenation ghostscript
	$(BIN)/python -m tools.publish

# The offline bundle: a strict build with OFFLINE_BUNDLE=true, zipped (tools/offline.py).
# The tools run as modules of the package tools/, from the project root.
offline: $(READY) bytecode dictionary
	$(BIN)/python -m tools.offline

linkcheck: $(READY)
	$(BIN)/python -m tools.linkcheck

# Two workers (pytest-xdist), one test file each at a time: the browser tests wait more than
# they compute, so two run side by side in about four fifths of the time of one. Longest files
# first (tests/conftest.py), so that no long file is begun when the other worker has run out.
test: $(READY) $(NODE_READY) bytecode browser dictionary figures host typeface hyphenation ghostscript
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

# Also measures in Chromium what a card page transfers and how the fan opens.
bench: $(READY) $(NODE_READY) bytecode browser dictionary hyphenation ghostscript
	$(BIN)/python -m tools.bench

# The printed fan: dist/ko-produktion-faecher.pdf (one page per card, in the
# card format) and dist/ko-produktion-a4.pdf (three cards a sheet, crop marks).
pdf: $(READY) bytecode browser dictionary hyphenation ghostscript
	$(BIN)/python -m tools.druck

clean:
	rm -rf site .build dist test-artifacts .pytest_cache node_modules .cache
