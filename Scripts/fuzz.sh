#!/usr/bin/env bash
# Mutation fuzzing of every parser keywarden exposes to outside input (Sources/KeyWardenFuzzTargets).
#
#   Scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]     default: 600 s, every target
#
# Each target runs in its own process. When one crashes or hangs, the input it was running is
# kept as Tests/Fuzz/regressions/<target>/<sha256>.bin; `make test` replays that directory, so
# commit the file with the fix. Runs are reproducible: FUZZ_SEED (default: the date) seeds them.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"; shift || true
swift build --product keywarden-fuzz >&2 || exit 2
fuzz=.build/debug/keywarden-fuzz
targets=("$@"); [ ${#targets[@]} -gt 0 ] || mapfile -t targets < <("$fuzz" --list)
seed="${FUZZ_SEED:-$(date +%Y%m%d)}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
status=0
for target in "${targets[@]}"; do
    inflight="$work/$target.in-flight"
    if "$fuzz" "$target" "$seconds" "$seed" "$inflight"; then
        continue
    fi
    status=1
    mkdir -p "Tests/Fuzz/regressions/$target"
    kept="Tests/Fuzz/regressions/$target/$(sha256sum "$inflight" | cut -c1-16).bin"
    cp "$inflight" "$kept"
    echo "fuzz: $target crashed or hung (seed $seed); input kept as $kept" >&2
done
exit $status
