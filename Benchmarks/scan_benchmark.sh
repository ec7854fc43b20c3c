#!/usr/bin/env bash
# Directory-scan benchmark: throughput, peak memory, recall and precision on the shared corpus.
#
#   Benchmarks/scan_benchmark.sh [CORPUS_DIR]
#
# Builds the release binary, generates the corpus with ../shared/bench/make_corpus.py (once; reused
# when CORPUS_DIR already holds it), warms the compiled-rule cache, then scans tree/ several times
# and reports the best wall-clock throughput, peak RSS (GNU time), findings, and the score from
# ../shared/bench/score.py. Target (issue 2): at least 300 MB/s on the 2-core reference machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${KEYWARDEN_SHARED:-$(cd ../shared 2>/dev/null && pwd || echo /work/shared)}
CORPUS=${1:-Benchmarks/out/corpus}
RUNS=${RUNS:-5}

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
# shellcheck source=lib/release_build.sh
. Benchmarks/lib/release_build.sh
BIN=$(release_binary "$PWD")

# shellcheck source=lib/corpus.sh
. Benchmarks/lib/corpus.sh
corpus_ready "$CORPUS" "$SHARED/bench/make_corpus.py" || exit 2
TREE="$CORPUS/tree"
BYTES=$(du -sb --apparent-size "$TREE" | cut -f1)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

"$BIN" scan "$TREE" --quiet --format json --output "$OUT/warm.json" --fail-on none || true
best=""
for run in $(seq "$RUNS"); do
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$OUT/rss.$run" "$BIN" scan "$TREE" --quiet --format json --output "$OUT/scan.json" --fail-on none
  end=$(date +%s%N)
  elapsed=$(( (end - start) / 1000000 ))
  echo "run $run: ${elapsed} ms"
  if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
done
rss_kb=$(sort -n "$OUT"/rss.* | tail -1)

python3 Benchmarks/findings_to_jsonl.py "$OUT/scan.json" "$OUT/findings.jsonl"

files=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['filesScanned'])" "$OUT/scan.json")
findings=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['findings'])" "$OUT/scan.json")
echo "== keywarden directory scan benchmark ($(nproc) cores, $RUNS runs, best of)"
echo "corpus:      $TREE ($files files, $((BYTES / 1048576)) MiB)"
echo "wall time:   ${best} ms (whole process, warm rule cache, warm page cache)"
awk -v b="$BYTES" -v ms="$best" 'BEGIN { printf "throughput:  %.0f MB/s\n", b / 1048576 / (ms / 1000) }'
echo "peak RSS:    $((rss_kb / 1024)) MiB"
echo "findings:    $findings"
python3 "$SHARED/bench/score.py" "$CORPUS/truth.jsonl" "$OUT/findings.jsonl" --corpus tree
