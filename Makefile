# InvoiceMe — two commands do all set-up on a fresh machine:
#   make run    install everything, start NATS + Postgres (embedded when none answers) and the four services
#   make test   same set-up, then the whole test suite (what .ci/run runs)
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: Tesseract with Hebrew for OCR, and what building tesserocr against that same
# libtesseract needs (its PyPI wheel bundles another Tesseract version); for tests, DejaVu fonts
# (generated documents) and Chromium (browser tests drive it with Playwright; no browser download needed); libatomic1,
# which the Node.js driver bundled in Playwright needs and minimal Debian lacks.
# Typefaces for the generated invoice corpus (tests/corpus/fonts.py): 10+ per script, Hebrew from culmus.
CORPUS_FONT_DEBS := culmus fonts-dejavu-extra fonts-freefont-ttf fonts-liberation fonts-noto-core
RUN_DEBS := tesseract-ocr tesseract-ocr-heb tesseract-ocr-eng tesseract-ocr-osd \
	libtesseract-dev libleptonica-dev pkg-config g++ python3-dev
TEST_DEBS := fonts-dejavu-core chromium libatomic1 $(CORPUS_FONT_DEBS)
# The web app (TypeScript + Vite): built into $(WEBAPP)/dist, which the gateway serves at /.
WEBAPP := services/gateway/webapp
WEB_STAMP := $(WEBAPP)/node_modules/.installed
WEB_OPENAPI := $(WEBAPP)/generated/openapi.json
WEB_BUILT := $(WEBAPP)/dist/index.html
WEB_SOURCES := $(shell find $(WEBAPP)/src $(WEBAPP)/public -type f 2>/dev/null) \
	$(addprefix $(WEBAPP)/,index.html vite.config.ts tsconfig.json package.json)

.PHONY: help setup system-deps test-system-deps node-deps web web-test web-static run test test-fast lint fmt clean

help:
	@echo "make run     - set up and run InvoiceMe at http://127.0.0.1:8000"
	@echo "make test    - set up and run the whole test suite (unit, integration, end-to-end)"
	@echo "make lint    - ruff (lint + format check) + mypy (libs, services, the CLI)"
	@echo "make web-static API_URL=https://api.example.com - the web app alone, for a static host"

# Order-only: the Debian packages (tesserocr's build needs libtesseract-dev) come before pip.
$(STAMP): pyproject.toml | system-deps
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		echo "venv needs Debian's python3-venv; installing it"; rm -rf $(VENV); \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-binary tesserocr -e '.[dev]'
	@touch $(STAMP)

# Installs only what is missing, so a second run costs nothing.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-deps:
	$(call apt_install,$(RUN_DEBS))

test-system-deps: system-deps
	$(call apt_install,$(TEST_DEBS))

# Debian 12 ships Node 18 with npm; the web app builds with it and with Node 20.
node-deps:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
		echo "installing Debian packages: nodejs npm"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }

$(WEB_STAMP): $(WEBAPP)/package-lock.json | node-deps
	cd $(WEBAPP) && npm ci --no-audit --no-fund --loglevel=error
	@touch $(WEB_STAMP)

# The API types come from the gateway's own OpenAPI document: a renamed field breaks `tsc`.
$(WEB_OPENAPI): $(STAMP) $(shell find services/gateway/invoiceme_gateway libs/common/invoiceme_common -name '*.py')
	$(BIN)/python $(WEBAPP)/scripts/dump_openapi.py $@

$(WEB_BUILT): $(WEB_STAMP) $(WEB_OPENAPI) $(WEB_SOURCES)
	cd $(WEBAPP) && npm run build --silent

web: $(WEB_BUILT)

web-test: $(WEB_STAMP) $(WEB_OPENAPI)
	cd $(WEBAPP) && npm run check-engines --silent && npm run types --silent && npx vitest run

# The web app on its own (e.g. Cloudflare Pages): the gateway's URL is fixed at build time; the gateway
# must list this site's origin in CORS_ORIGINS. `_redirects` and 404.html give client-side routing.
web-static: $(WEB_STAMP) $(WEB_OPENAPI)
	@test -n "$(API_URL)" || { echo "usage: make web-static API_URL=https://your-gateway.example"; exit 2; }
	cd $(WEBAPP) && npm run types --silent && npx tsc --noEmit && \
		VITE_API_URL="$(API_URL)" WEBAPP_OUT_DIR=dist-static npx vite build --logLevel warn
	printf '/*  /index.html  200\n' > $(WEBAPP)/dist-static/_redirects
	cp $(WEBAPP)/dist-static/index.html $(WEBAPP)/dist-static/404.html
	@echo "static site in $(WEBAPP)/dist-static (API: $(API_URL))"

setup: system-deps $(STAMP) web

run: setup
	$(BIN)/invoiceme up

test: test-system-deps $(STAMP) web web-test
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e and not faults" -q

lint: $(STAMP)
	$(BIN)/ruff check libs services tests bench
	$(BIN)/ruff format --check libs services tests bench
	$(BIN)/mypy libs/common/invoiceme_common services
	$(BIN)/hadolint services/*/Dockerfile

fmt: $(STAMP)
	$(BIN)/ruff format libs services tests bench

clean:
	rm -rf $(VENV) tests/.artifacts $(WEBAPP)/node_modules $(WEBAPP)/dist $(WEBAPP)/dist-static $(WEBAPP)/generated
