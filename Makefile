# Vellum — two commands: `make site` and `make test`.

SWIFT ?= swift
SOURCE ?= docs-src
OUTPUT ?= public
# debug builds in about a minute; `make site CONFIG=release` for an optimised binary.
CONFIG ?= debug
VELLUM = .build/$(CONFIG)/vellum

# System packages the build needs (Debian names) and how to tell they are there.
APT_PACKAGES = libcmark-dev zlib1g-dev pkg-config python3

.PHONY: site test build deps theme conformance commonmark bench-rst bench-serve bench-incremental fuzz-smoke clean

site: deps build
	$(VELLUM) build $(SOURCE) --output $(OUTPUT)

build: deps
	$(SWIFT) build -c $(CONFIG) --product vellum

test: deps
	python3 scripts/embed-theme --check || { echo "Sources/Site/Theme/DefaultTheme+Files.swift is stale: run 'make theme'"; exit 1; }
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build --product vellum
	.build/debug/vellum check $(SOURCE) --strict
	scripts/kill-test .build/debug/vellum
	VELLUM=.build/debug/vellum scripts/inventory-oracle
	scripts/browser-test .build/debug/vellum
	scripts/serve-test .build/debug/vellum
	$(MAKE) fuzz-smoke

# Installs what is missing, and only that (needs root or sudo).
deps:
	@missing=""; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	[ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Re-embeds templates/ into the binary after editing the default theme.
theme:
	python3 scripts/embed-theme

conformance:
	scripts/conformance

commonmark:
	scripts/commonmark

bench-rst:
	scripts/bench-rst

bench-serve:
	scripts/bench-serve

# Incremental builds on a generated 1,000-page site, with a release binary kept
# in its own scratch folder (README "Incremental builds").
bench-incremental: deps
	$(SWIFT) build -c release --scratch-path .build-release --product vellum
	scripts/bench-incremental .build-release/release/vellum

# Every libFuzzer target for a few seconds, so the harnesses keep building and
# running (README "Fuzzing"); longer runs: scripts/fuzz TARGET SECONDS.
FUZZ_SMOKE_SECONDS ?= 15
fuzz-smoke: deps
	scripts/fuzz all $(FUZZ_SMOKE_SECONDS)

clean:
	rm -rf .build .build-fuzz $(OUTPUT) .vellum-cache
