# Every target bootstraps what it needs: a fresh machine needs only Node.js and npm.
.DEFAULT_GOAL := help
SHELL := /bin/bash

export TURBO_TELEMETRY_DISABLED := 1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED := true
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/node_modules/.bin:$(PATH)
TURBO := turbo run --no-color

.PHONY: help bootstrap build test dev bench clean

help: ## Show the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

bootstrap: node_modules/.modules.yaml ## Install pnpm (if missing) and the locked dependencies

node_modules/.modules.yaml: pnpm-lock.yaml package.json $(wildcard packages/*/package.json)
	@scripts/bootstrap.sh && touch $@

build: bootstrap ## Bundle both handlers and write their deterministic Lambda zips
	@$(TURBO) build --output-logs=errors-only

test: bootstrap ## Lint, typecheck and run every test (unit, integration, infra)
	@scripts/ensure-chromium.sh && scripts/lint-workflows.sh && $(TURBO) lint typecheck test --output-logs=new-only --concurrency=2 --continue && node scripts/test-summary.mjs

bench: build ## Benchmarks against the naive build and the bare ceiling; writes docs/benchmarks.md (~5 min, not in make test)
	@pnpm --filter @signup/bench bench

dev: build ## Run the whole pipeline locally on http://127.0.0.1:3000 (no AWS, no Docker)
	@node packages/local/dist/cli.js

clean: ## Remove build output, caches and local runtime data
	@rm -rf packages/*/dist packages/*/src/generated packages/*/.turbo .turbo .local
