#!/usr/bin/env bash
# Detection accuracy on the shared benchmark corpus: builds the corpus (seeded, deterministic),
# scans its tree with a release build, and scores findings per kind (recall) and on decoys.
#
#   Benchmarks/accuracy_benchmark.sh [CORPUS_DIR]      (default /tmp/keywarden-accuracy-corpus)
#
# Needs ../shared/bench (make_corpus.py, score.py) next to the repository, or BENCH_DIR set.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
CORPUS=${1:-/tmp/keywarden-accuracy-corpus}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=lib/release_build.sh
. "$ROOT/Benchmarks/lib/release_build.sh"
BIN=$(release_binary "$ROOT")
# shellcheck source=lib/corpus.sh
. "$ROOT/Benchmarks/lib/corpus.sh"
corpus_ready "$CORPUS" "$BENCH_DIR/make_corpus.py" || exit 2
# Exit 1 means findings were reported, which is expected here.
"$BIN" scan "$CORPUS/tree" --format json --quiet --output "$WORK/report.json" || [ $? -eq 1 ]
python3 "$ROOT/Benchmarks/findings_to_jsonl.py" "$WORK/report.json" > "$WORK/findings.jsonl"
python3 "$BENCH_DIR/score.py" "$CORPUS/truth.jsonl" "$WORK/findings.jsonl" --corpus tree
