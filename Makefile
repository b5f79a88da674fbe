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
RUN_DEBS := tesseract-ocr tesseract-ocr-heb tesseract-ocr-eng tesseract-ocr-osd \
	libtesseract-dev libleptonica-dev pkg-config g++ python3-dev
TEST_DEBS := fonts-dejavu-core chromium libatomic1

.PHONY: help setup system-deps test-system-deps run test test-fast lint fmt clean

help:
	@echo "make run     - set up and run InvoiceMe at http://127.0.0.1:8000"
	@echo "make test    - set up and run the whole test suite (unit, integration, end-to-end)"
	@echo "make lint    - ruff + mypy"

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

setup: system-deps $(STAMP)

run: setup
	$(BIN)/invoiceme up

test: test-system-deps $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e" -q

lint: $(STAMP)
	$(BIN)/ruff check libs services tests bench
	$(BIN)/mypy libs/common/invoiceme_common services
	$(BIN)/hadolint services/*/Dockerfile

fmt: $(STAMP)
	$(BIN)/ruff format libs services tests bench

clean:
	rm -rf $(VENV) tests/.artifacts
