# scflows — the two commands of the README: `make demo` and `make test`.
SHELL := /bin/bash
DEMO_PORT ?= 8765
DEMO_DEVICES ?= 25
APT := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300

.PHONY: deps system-deps install build check test bench demo demo-stop clean

# Debian packages the tests and the demo need (cron: the real crontab and daemon).
system-deps:
	@command -v crontab >/dev/null && [ -x /usr/sbin/cron ] || { $(APT) update -qq && $(APT) install -y -qq cron >/dev/null; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.installed

build: install
	npm run build

check: install
	npm run typecheck
	npm run lint

# Installs everything the tests need (cron included), starts a cron daemon if none runs (and stops only
# the one it started), then typecheck + lint + the whole test suite.
test: system-deps install
	npm run typecheck
	npm run lint
	./scripts/with-cron.sh npm test

bench: system-deps install
	npm run bench

# Starts the stand-in API (port $(DEMO_PORT)) and a cron daemon if none runs, points .env at the stand-in,
# auto-schedules with --force-first-run and shows the crontab, the tasks and the logs.
demo: system-deps build
	./scripts/demo.sh start $(DEMO_PORT) $(DEMO_DEVICES)

# Stops what `make demo` started (stand-in API, cron if the demo started it) and removes its entries.
demo-stop:
	./scripts/demo.sh stop $(DEMO_PORT) $(DEMO_DEVICES)

clean:
	rm -rf dist node_modules
