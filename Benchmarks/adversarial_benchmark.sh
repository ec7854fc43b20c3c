#!/usr/bin/env bash
# Scans inputs shaped to make a scanner slow or crash (many secrets in one file, one huge line,
# encoded text, a tree nested 30,000 deep, a glob with many `**`; Benchmarks/adversarial) and
# prints, per case: its size, the findings, wall time, peak RSS and exit status. Each case must
# finish in time proportional to its size: the table is read against the one in README.md, and a
# case that times out (TIMEOUT seconds, default 120) or crashes is a bug.
#
#   Benchmarks/adversarial_benchmark.sh [WORK_DIR]   (default: a temporary directory, removed)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIMEOUT=${TIMEOUT:-120}
if [ $# -ge 1 ]; then WORK=$1; mkdir -p "$WORK"; else WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi

# shellcheck source=lib/release_build.sh
. "$ROOT/Benchmarks/lib/release_build.sh"
BIN=$(release_binary "$ROOT")
if [ ! -d "$WORK/inputs" ]; then
    rm -rf "$WORK/inputs.partial"
    python3 "$ROOT/Benchmarks/adversarial/make_inputs.py" "$WORK/inputs.partial"
    mv "$WORK/inputs.partial" "$WORK/inputs"
fi

printf '| case | bytes | findings | wall time | peak RSS | exit |\n|---|---:|---:|---:|---:|---:|\n'
status=0
for case in many-keys one-line encoded one-run allowed deep-tree glob; do
    dir="$WORK/inputs/$case"
    bytes=$(find "$dir" -type f -printf '%s\n' 2>/dev/null | awk '{s += $1} END {print s + 0}')
    set +e
    # The scan runs in its case's directory so that the glob case's .keywarden.yaml applies.
    (cd "$dir" && /usr/bin/time -f '%e %M' -o "$WORK/time" timeout "$TIMEOUT" "$BIN" scan . --format json \
        --output "$WORK/report.json" --fail-on none --quiet 2>/dev/null)
    code=$?
    set -e
    read -r seconds kib < <(tail -1 "$WORK/time" | awk '{print $(NF-1), $NF}')
    findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$WORK/report.json" 2>/dev/null || echo "-")
    printf '| %s | %s | %s | %s s | %s MiB | %s |\n' "$case" "$bytes" "$findings" "$seconds" "$((kib / 1024))" "$code"
    rm -f "$WORK/report.json"
    [ "$code" -eq 0 ] || status=1
done
exit $status
