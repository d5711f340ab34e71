# pos-playground's entry points. Every target installs what it needs first (scripts/setup.sh).
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

ENV := source scripts/env.sh

.PHONY: help setup serve class test bench fuzz

help:
	@echo "make setup  - install everything the build and the tests need (scripts/setup.sh test)"
	@echo "make serve  - build the page, then serve it on http://127.0.0.1:8080/ (ADDRESS=0.0.0.0 for a class's laptops)"
	@echo "make class  - build the page and run the class server: one address (and QR code) for every laptop, no pasting (ADDRESS=0.0.0.0)"
	@echo "make test   - fmt, clippy, native tests, wasm tests, release build, end-to-end tests"
	@echo "make bench  - cargo bench -p pos-core, and the class server's load test (cargo bench -p pos-class)"
	@echo "make fuzz   - every fuzz target for FUZZ_SECONDS (default 20) each (nightly, cargo-fuzz; docs/fuzzing.md)"

setup:
	bash scripts/setup.sh test

# ADDRESS=0.0.0.0 lets the laptops of a class open the page from this machine.
ADDRESS ?= 127.0.0.1
PORT ?= 8080

serve:
	ADDRESS=$(ADDRESS) PORT=$(PORT) bash scripts/serve.sh

# The class's name when the address has no ?net=.
CLASS ?= class

class:
	ADDRESS=$(ADDRESS) PORT=$(PORT) CLASS=$(CLASS) bash scripts/class.sh

test:
	bash scripts/test.sh

bench:
	$(ENV) && cargo bench -p pos-core && cargo bench -p pos-class

fuzz:
	bash scripts/fuzz.sh
