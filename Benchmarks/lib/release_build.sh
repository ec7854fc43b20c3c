#!/usr/bin/env bash
# The binary every benchmark measures, built as `make release` builds it: optimised, with the
# Swift runtime and Foundation linked in statically (a dynamically linked Swift runtime costs
# each process about 15 ms of start-up, most of a pre-commit scan). Source it, then:
#   BIN=$(release_binary ROOT)   # builds when needed; progress on stderr, the path on stdout
release_binary() {
    local root=$1
    (cd "$root" && swift build -c release --static-swift-stdlib --product keywarden 2>&1 | tail -1) >&2
    echo "$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/keywarden"
}
