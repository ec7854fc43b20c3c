#!/usr/bin/env bash
# The binary every benchmark measures, built as `make release` builds it: optimised, with the
# Swift runtime and Foundation linked in statically (a dynamically linked Swift runtime costs
# each process about 15 ms of start-up, most of a pre-commit scan). Source it, then:
#   BIN=$(release_binary ROOT)   # builds when needed; progress on stderr, the path on stdout
#
# Every Swift target, the dependencies' included, reaches concrete types through their metadata
# accessors instead of by mangled name: Package.swift sets that for keywarden's own targets, and
# only a build-wide flag reaches swift-argument-parser, swift-crypto and Yams, whose lookups by
# name (each a walk over the static binary's ~7,000 conformance records) cost a pre-commit scan
# ~1 ms (README, "Staged").
RELEASE_BUILD_FLAGS=(-c release --static-swift-stdlib
                     -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors)

release_binary() {
    local root=$1
    (cd "$root" && swift build "${RELEASE_BUILD_FLAGS[@]}" --product keywarden 2>&1 | tail -1) >&2
    echo "$(cd "$root" && swift build "${RELEASE_BUILD_FLAGS[@]}" --show-bin-path)/keywarden"
}
