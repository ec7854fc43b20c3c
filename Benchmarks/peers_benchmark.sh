#!/usr/bin/env bash
# keywarden's speed against its peers on a large public repository (issue 16, item 1): moby/moby
# at a pinned commit, scanned by keywarden, gitleaks, betterleaks and Kingfisher in one run.
#
#   Benchmarks/peers_benchmark.sh [--bin PATH] [--repo GITDIR]
#
# --bin PATH     the keywarden binary to measure (default: `swift build -c release` here first).
# --repo GITDIR  a clone, bare repository or mirror of moby/moby holding the pinned commit (also
#                $MOBY_GIT). Without one, `git clone` from GitHub is tried; when that fails too
#                (no network), the generated corpus of ../shared/bench/make_corpus.py is measured
#                instead and the output says so in its title.
#
# Jobs, each tool with its default configuration (Kingfisher: --no-validate --no-update-check
# --no-dedup), in one run so that the ratios share the machine's load:
#   directory  the pinned commit's files (`git archive`, no .git), median of DIR_RUNS runs;
#              MB/s = bytes of the checkout's regular files / wall time;
#   history    the bare repository with the pinned refs (Benchmarks/peers/moby-refs.txt: moby's
#              branches and tags when the list was made), median of HISTORY_RUNS runs;
#              MB/s = bytes of all its blobs (`git cat-file --batch-all-objects --batch-check`)
#              / wall time, whatever each tool actually reads (gitleaks and betterleaks read
#              `git log -p` diffs, keywarden and Kingfisher read blobs);
#   staged     one changed file in a 10,000-file repository (as in git_benchmark.sh): keywarden
#              `scan --staged` median of STAGED_RUNS, each peer's staged mode median of
#              STAGED_PEER_RUNS; timed by Benchmarks/lib/time_runs.py from spawn to exit (the
#              table says what spawning `true` the same way costs);
#   git floors `git cat-file --batch-all-objects --batch --unordered | wc -c` (inflating every
#              object: what a blob-reading history scan pays at least),
#              `git log --all --raw --no-abbrev | wc -c` (the walk that lists what to scan) and,
#              unless FLOOR_LOG_P=0, gitleaks' own `git log -p -U0 --full-history --all
#              --diff-filter=tuxdb | wc -c` (what a diff-reading scan pays at least); one run each.
# Every tool gets one untimed warm-up run per job first (page cache, compiled-rule caches in a
# fresh XDG_CACHE_HOME of this run; HISTORY_WARMUP=0 leaves it out for history, where the floors
# have already read the pack and the directory warm-ups have compiled the rules); timed runs go
# round-robin over the tools. Wall time is the whole process; peak RSS is GNU time's maximum
# resident set size, i.e. the largest single process (a scanner or one of its git children), not
# their sum. Every run is bounded by `timeout`; one that fails or times out reads "failed" or
# "timeout" in its column.
#
# Environment: JOBS (default "directory history staged": the jobs to run), DIR_RUNS (5), HISTORY_RUNS (1), STAGED_RUNS (30), STAGED_PEER_RUNS (5),
# HISTORY_WARMUP (1), FLOOR_LOG_P (1), DIR_TIMEOUT (1800 s), HISTORY_TIMEOUT (5400 s),
# STAGED_TIMEOUT (120 s), CLONE_TIMEOUT (3600 s), MOBY_GIT, KEYWARDEN_BENCH_CACHE (default
# ~/.cache/keywarden-bench: the peers' venv, the moby repository and checkout, and peers-results/
# with the table and every run's timings), SHARED_BENCH (default ../shared/bench next to the
# repository).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CACHE=${KEYWARDEN_BENCH_CACHE:-$HOME/.cache/keywarden-bench}
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
DIR_RUNS=${DIR_RUNS:-5}
HISTORY_RUNS=${HISTORY_RUNS:-1}
STAGED_RUNS=${STAGED_RUNS:-30}
STAGED_PEER_RUNS=${STAGED_PEER_RUNS:-5}
DIR_TIMEOUT=${DIR_TIMEOUT:-1800}
HISTORY_TIMEOUT=${HISTORY_TIMEOUT:-5400}
STAGED_TIMEOUT=${STAGED_TIMEOUT:-120}
CLONE_TIMEOUT=${CLONE_TIMEOUT:-3600}
HISTORY_WARMUP=${HISTORY_WARMUP:-1}
FLOOR_LOG_P=${FLOOR_LOG_P:-1}
JOBS=${JOBS:-directory history staged}
wants() { case " $JOBS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# The pinned corpus: moby/moby's master on 2026-08-22, and the branches and tags of that day.
MOBY_URL=https://github.com/moby/moby
MOBY_COMMIT=b985e2313a8676e18072b442911fc8f64f17d440
MOBY_REFS=$HERE/peers/moby-refs.txt

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
BIN=""
REPO=${MOBY_GIT:-}
while [ $# -gt 0 ]; do
    case $1 in
        --bin) BIN=${2:?--bin needs a path}; shift 2 ;;
        --repo) REPO=${2:?--repo needs a git directory}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "peers_benchmark: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

say() { echo "peers: $*" >&2; }
now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
BENCH_START=$(now_ns)
LOAD_BEFORE=$(uptime)

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

# ---------------------------------------------------------------- keywarden and the peers
if [ -z "$BIN" ]; then
    say "building the release binary"
    # shellcheck source=lib/release_build.sh
    . "$ROOT/Benchmarks/lib/release_build.sh"
    BIN=$(release_binary "$ROOT")
fi
[ -x "$BIN" ] || { say "no keywarden binary at $BIN"; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

# shellcheck source=lib/peers.sh
. "$ROOT/Benchmarks/lib/peers.sh"
peers_install

declare -A VERSION EXE
TOOLS=(keywarden gitleaks betterleaks kingfisher)
EXE[keywarden]=$BIN
EXE[gitleaks]=${GITLEAKS:-}
EXE[betterleaks]=${BETTERLEAKS:-}
EXE[kingfisher]=${KINGFISHER:-}
VERSION[keywarden]=$("$BIN" --version 2>/dev/null | head -1 | awk '{ print $NF }')
[ -n "${EXE[gitleaks]}" ] && VERSION[gitleaks]=$("$GITLEAKS" version 2>/dev/null | head -1)
[ -n "${EXE[betterleaks]}" ] && VERSION[betterleaks]=$("$BETTERLEAKS" version 2>/dev/null | head -1 | awk '{ print $NF }')
[ -n "${EXE[kingfisher]}" ] && VERSION[kingfisher]=$("$KINGFISHER" --version 2>/dev/null | head -1 | awk '{ print $NF }')

# ---------------------------------------------------------------- the corpus
DATA=$CACHE/moby
mkdir -p "$DATA"

# git_dir PATH: the git directory of a work tree, bare repository or mirror.
git_dir() {
    git -C "$1" rev-parse --absolute-git-dir 2>/dev/null && return 0
    [ -f "$1/HEAD" ] && [ -d "$1/objects" ] && (cd "$1" && pwd)
}

# build_moby SOURCE_GITDIR ORIGIN: the bare repository $DATA/moby.git with exactly the pinned refs
# (the source may hold more: a mirror's refs/pull/*, newer commits) and the checkout
# $DATA/tree-$MOBY_COMMIT. Blobs the source lacks (a partial clone, such as a snapshot without
# its files over a size limit) are replaced by a one-line placeholder blob (`git replace`), so
# every tool reads the same complete history; their number is recorded and printed.
build_moby() {
    local source=$1 origin=$2 tmp
    git --git-dir="$source" cat-file -e "$MOBY_COMMIT^{commit}" 2>/dev/null \
        || { say "$origin does not hold moby commit $MOBY_COMMIT"; return 1; }
    tmp=$(mktemp -d "$DATA/.build.XXXXXX")
    local repo=$tmp/moby.git
    git init -q --bare "$repo"
    # The pinned refs whose objects the source has (a live clone may have lost a deleted branch).
    awk '{ print $1 }' "$MOBY_REFS" | git --git-dir="$source" cat-file --batch-check='%(objectname)' \
        | grep -v ' missing$' | sort -u > "$tmp/present"
    awk 'NR == FNR { have[$1] = 1; next } ($1 in have) { print "create " $2 " " $1 }' "$tmp/present" "$MOBY_REFS" > "$tmp/refs"
    local skipped=$(( $(wc -l < "$MOBY_REFS") - $(wc -l < "$tmp/refs") ))
    say "packing $(wc -l < "$tmp/refs") pinned refs from $origin ($skipped missing there)"
    git --git-dir="$source" pack-objects --revs --missing=allow-any --delta-base-offset -q "$repo/objects/pack/pack" \
        < "$tmp/present" > /dev/null
    git --git-dir="$repo" update-ref --stdin < "$tmp/refs"
    git --git-dir="$repo" symbolic-ref HEAD refs/heads/master
    git --git-dir="$repo" rev-list --objects --missing=print --all | sed -n 's/^?//p' > "$tmp/missing"
    local blob placeholder
    while read -r blob; do
        placeholder=$(printf 'keywarden-bench placeholder: blob %s is missing from the source repository\n' "$blob" \
            | git --git-dir="$repo" hash-object -w --stdin)
        git --git-dir="$repo" replace -f "$blob" "$placeholder"
    done < "$tmp/missing"
    # rev-list still lists a replaced object as missing, so whether only blobs were missing is
    # asked of a walk that reads every commit and tree but no blob: it fails on a missing tree
    # or commit (or on one replaced by a placeholder blob, which is not a tree).
    if [ -s "$tmp/missing" ] && ! git --git-dir="$repo" log --all --no-renames --raw -t --format=%H > /dev/null 2>&1; then
        say "$origin lacks objects other than blobs; cannot use it"
        rm -rf "$tmp"
        return 1
    fi
    printf 'source %s\nskipped_refs %s\nmissing_blobs %s\n' "$origin" "$skipped" "$(wc -l < "$tmp/missing")" > "$repo/keywarden-bench"
    sha256sum < "$MOBY_REFS" | cut -c1-64 > "$repo/keywarden-bench-refs"
    mkdir "$tmp/tree"
    git --git-dir="$repo" archive "$MOBY_COMMIT" | tar -x -C "$tmp/tree"
    rm -rf "$DATA/moby.git" "$DATA/tree-$MOBY_COMMIT"
    mv "$repo" "$DATA/moby.git"
    mv "$tmp/tree" "$DATA/tree-$MOBY_COMMIT"
    rm -rf "$tmp"
}

moby_ready() {
    [ -d "$DATA/tree-$MOBY_COMMIT" ] && [ -f "$DATA/moby.git/keywarden-bench" ] \
        && [ "$(cat "$DATA/moby.git/keywarden-bench-refs" 2>/dev/null)" = "$(sha256sum < "$MOBY_REFS" | cut -c1-64)" ]
}

prepare_moby() {
    local source
    if [ -n "$REPO" ]; then
        source=$(git_dir "$REPO") || { say "--repo $REPO is not a git directory"; return 1; }
        if moby_ready && grep -qxF "source $source" "$DATA/moby.git/keywarden-bench"; then return 0; fi
        build_moby "$source" "$source"
        return
    fi
    moby_ready && return 0
    say "no --repo or MOBY_GIT: cloning $MOBY_URL (bare, about 300 MB)"
    local clone
    clone=$(mktemp -d "$DATA/.clone.XXXXXX")
    if GIT_TERMINAL_PROMPT=0 timeout "$CLONE_TIMEOUT" git clone -q --bare "$MOBY_URL" "$clone/moby.git" \
        && build_moby "$clone/moby.git" "$MOBY_URL"; then
        rm -rf "$clone"
        return 0
    fi
    rm -rf "$clone"
    return 1
}

if prepare_moby; then
    TREE=$DATA/tree-$MOBY_COMMIT
    HISTORY=$DATA/moby.git
    CORPUS="moby/moby @ ${MOBY_COMMIT:0:12}"
    MISSING_BLOBS=$(awk '$1 == "missing_blobs" { print $2 }' "$HISTORY/keywarden-bench")
    SKIPPED_REFS=$(awk '$1 == "skipped_refs" { print $2 }' "$HISTORY/keywarden-bench")
    CORPUS_SOURCE=$(sed -n 's/^source //p' "$HISTORY/keywarden-bench")
else
    GENERATED=$CACHE/generated-corpus
    say "moby/moby is not available: FALLING BACK to the generated corpus ($SHARED_BENCH/make_corpus.py)"
    if [ ! -f "$GENERATED/truth.jsonl" ]; then
        rm -rf "$GENERATED"
        python3 "$SHARED_BENCH/make_corpus.py" "$GENERATED" >&2
    fi
    TREE=$GENERATED/tree
    HISTORY=$GENERATED/history.git
    CORPUS="generated corpus (make_corpus.py), NOT moby/moby"
    MISSING_BLOBS=0 SKIPPED_REFS=0 CORPUS_SOURCE=$GENERATED
fi

# ---------------------------------------------------------------- measuring
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results
mkdir -p "$RESULTS" "$WORK/reports"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
export XDG_CACHE_HOME=$WORK/cache   # compiled-rule caches of this run, filled by the warm-ups

TREE_BYTES=$(find "$TREE" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }')
TREE_FILES=$(find "$TREE" -type f | wc -l)
read -r BLOBS BLOB_BYTES < <(git --git-dir="$HISTORY" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' \
    | awk '$1 == "blob" { n++; s += $2 } END { printf "%d %.0f\n", n, s }')
COMMITS=$(git --git-dir="$HISTORY" rev-list --all --count)
REFS=$(git --git-dir="$HISTORY" for-each-ref --format=x refs/heads refs/tags | wc -l)
say "corpus: $CORPUS; checkout $TREE_FILES files, $((TREE_BYTES / 1048576)) MiB; history $REFS refs, $COMMITS commits, $BLOBS blobs, $((BLOB_BYTES / 1048576)) MiB"

# set_cmd TOOL JOB TARGET REPORT: the command line in CMD (staged jobs run in the repository).
set_cmd() {
    local tool=$1 job=$2 target=$3 report=$4 exe=${EXE[$1]}
    case $tool:$job in
        keywarden:directory) CMD=("$exe" scan "$target" --format json --output "$report" --fail-on none --quiet) ;;
        keywarden:history) CMD=("$exe" scan --git "$target" --format json --output "$report" --fail-on none --quiet) ;;
        keywarden:staged) CMD=("$exe" scan --staged --format json --output "$report" --fail-on none --quiet) ;;
        # gitleaks 8.30.1 replaces a report path of /dev/null with a regular file: give it a real one.
        gitleaks:directory) CMD=("$exe" dir "$target" --no-banner --log-level error --report-format json --report-path "$report" --exit-code 0) ;;
        gitleaks:history) CMD=("$exe" git "$target" --no-banner --log-level error --report-format json --report-path "$report" --exit-code 0) ;;
        gitleaks:staged) CMD=("$exe" git . --staged --no-banner --log-level error --report-format json --report-path "$report" --exit-code 0) ;;
        # betterleaks wants a report name ending in .json; --silent: no findings on stdout (as the others).
        betterleaks:directory) CMD=("$exe" fs "$target" --silent --log-level error --output "$report" --exit-code 0) ;;
        betterleaks:history) CMD=("$exe" git "$target" --silent --log-level error --output "$report" --exit-code 0) ;;
        betterleaks:staged) CMD=("$exe" git . --staged --silent --log-level error --output "$report" --exit-code 0) ;;
        kingfisher:directory | kingfisher:history)
            CMD=("$exe" scan "$target" --no-validate --no-update-check --no-dedup --quiet --format json --output "$report") ;;
        kingfisher:staged) CMD=("$exe" scan . --staged --no-validate --no-update-check --no-dedup --quiet --format json --output "$report") ;;
    esac
}

# Exit codes that mean "findings" (the others are told --exit-code 0 / --fail-on none).
ok_status() {
    case $1:$2 in
        *:0 | keywarden:1 | kingfisher:200 | kingfisher:205) return 0 ;;
        *) return 1 ;;
    esac
}

# run_once TOOL JOB TARGET LIMIT [warm]: one bounded run; appends "ms rss_kib status" to
# $RESULTS/JOB.TOOL (or .warm). Returns 1 when the run failed or timed out.
run_once() {
    local tool=$1 job=$2 target=$3 limit=$4 kind=${5:-}
    local report=$WORK/reports/$job.$tool.json start end status=0 dir=.
    [ "$job" = staged ] && dir=$target
    set_cmd "$tool" "$job" "$target" "$report"
    rm -f "$report"
    start=$(now_ns)
    (cd "$dir" && /usr/bin/time -v -o "$WORK/time.out" timeout -k 10 "$limit" "${CMD[@]}" \
        > "$WORK/reports/$job.$tool.stdout" 2> "$WORK/reports/$job.$tool.stderr") || status=$?
    end=$(now_ns)
    local ms=$(( (end - start) / 1000000 ))
    local rss
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.out")
    echo "$ms ${rss:-0} $status" >> "$RESULTS/$job.$tool${kind:+.$kind}"
    [ -n "${QUIET_RUNS:-}" ] || say "  $job $tool${kind:+ ($kind)}: $(fmt_ms "$ms"), $(( ${rss:-0} / 1024 )) MiB, exit $status"
    if ! ok_status "$tool" "$status"; then
        [ "$status" = 124 ] && say "  $tool timed out after $limit s" \
            || { say "  $tool exited $status; stderr:"; tail -5 "$WORK/reports/$job.$tool.stderr" | sed 's/^/    /' >&2; }
        cp "$WORK/reports/$job.$tool.stderr" "$RESULTS/$job.$tool.stderr" 2>/dev/null || true
        return 1
    fi
}

# run_job JOB TARGET RUNS LIMIT [WARMUP]: a warm-up run of every tool (unless WARMUP is 0), then
# RUNS rounds over the tools.
run_job() {
    local job=$1 target=$2 runs=$3 limit=$4 warmup=${5:-1} tool round
    local -a alive=()
    for tool in "${TOOLS[@]}"; do
        [ -n "${EXE[$tool]}" ] || continue
        [ "$warmup" = 0 ] && { alive+=("$tool"); continue; }
        run_once "$tool" "$job" "$target" "$limit" warm-up && alive+=("$tool") \
            || tail -1 "$RESULTS/$job.$tool.warm-up" > "$RESULTS/$job.$tool"
    done
    for round in $(seq "$runs"); do
        for tool in "${alive[@]}"; do
            run_once "$tool" "$job" "$target" "$limit" || true
        done
    done
    for tool in "${alive[@]}"; do
        [ -f "$WORK/reports/$job.$tool.json" ] && cp "$WORK/reports/$job.$tool.json" "$RESULTS/$job.$tool.json"
    done
    return 0
}

thousands() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }

fmt_ms() {
    awk -v ms="$1" 'BEGIN { if (ms < 100) printf "%.1f ms", ms; else if (ms < 1000) printf "%.0f ms", ms; else if (ms < 100000) printf "%.2f s", ms / 1000; else printf "%.0f s", ms / 1000 }'
}

# ---------------------------------------------------------------- git floors (warm the pack too)
# floor NAME COMMAND: one bounded, timed run of a git command line (its output piped to wc -c).
floor() {
    local name=$1 command=$2 start end status=0
    start=$(now_ns)
    /usr/bin/time -v -o "$WORK/time.out" timeout -k 10 "$HISTORY_TIMEOUT" sh -c "$command" > "$WORK/floor.out" 2> "$WORK/floor.err" || status=$?
    end=$(now_ns)
    local rss ms=$(( (end - start) / 1000000 ))
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.out")
    echo "$ms ${rss:-0} $status $(cat "$WORK/floor.out")" > "$RESULTS/floor.$name"
    say "  floor $name: $(fmt_ms "$ms"), exit $status, $(cat "$WORK/floor.out") bytes out"
}
if wants history; then
    say "git floors on the history repository (one untimed cat-file run first: the pack into the page cache)"
    git --git-dir="$HISTORY" cat-file --batch-all-objects --batch --unordered | wc -c > /dev/null
    floor cat-file "git --git-dir='$HISTORY' cat-file --batch-all-objects --batch --unordered | wc -c"
    floor log-raw "git --git-dir='$HISTORY' log --all --raw --no-abbrev | wc -c"
    # What gitleaks reads (its own command line; betterleaks runs the same per batch of commits).
    [ "$FLOOR_LOG_P" = 1 ] && floor log-p "git -C '$HISTORY' log -p -U0 --full-history --all --diff-filter=tuxdb | wc -c"
fi

if wants directory; then
    say "directory mode: $TREE ($DIR_RUNS runs)"
    run_job directory "$TREE" "$DIR_RUNS" "$DIR_TIMEOUT"
fi
if wants history; then
    say "history mode: $HISTORY ($HISTORY_RUNS runs)"
    run_job history "$HISTORY" "$HISTORY_RUNS" "$HISTORY_TIMEOUT" "$HISTORY_WARMUP"
fi

# ---------------------------------------------------------------- staged latency
if wants staged; then
say "staged scan: one changed file in a 10,000-file repository"
STAGED=$WORK/staged-repo
# shellcheck source=lib/staged_repo.sh
. "$ROOT/Benchmarks/lib/staged_repo.sh"
make_staged_repo "$STAGED"
QUIET_RUNS=1
for tool in "${TOOLS[@]}"; do
    [ -n "${EXE[$tool]}" ] || continue
    runs=$STAGED_PEER_RUNS
    [ "$tool" = keywarden ] && runs=$STAGED_RUNS
    # The warm-up runs as every other job does (bounded, peak RSS, exit status checked); the
    # timed runs are spawned straight from time_runs.py, so the subshell, /usr/bin/time, timeout
    # and date processes around run_once (10-20 ms) are not counted against a ~30 ms scan.
    run_once "$tool" staged "$STAGED" "$STAGED_TIMEOUT" warm-up || { tail -1 "$RESULTS/staged.$tool.warm-up" > "$RESULTS/staged.$tool"; continue; }
    rss=$(awk '{ print $2 }' "$RESULTS/staged.$tool.warm-up")
    set_cmd "$tool" staged "$STAGED" "$WORK/reports/staged.$tool.json"
    python3 "$ROOT/Benchmarks/lib/time_runs.py" "$runs" "$STAGED" "${CMD[@]}" | awk -v rss="$rss" '{ print $1, rss, $2 }' > "$RESULTS/staged.$tool"
    say "  staged $tool: median $(fmt_ms "$(awk '{ print $1 }' "$RESULTS/staged.$tool" | median)") over $(wc -l < "$RESULTS/staged.$tool") runs"
done
STAGED_HARNESS_MS=$(python3 "$ROOT/Benchmarks/lib/time_runs.py" 20 "$STAGED" true | awk '{ print $1 }' | median)
fi

# ---------------------------------------------------------------- the table
# count_findings TOOL REPORT: findings in a JSON report ("?" when unreadable).
count_findings() {
    python3 - "$1" "$2" <<'PY' 2>/dev/null || echo "?"
import json, sys
tool, path = sys.argv[1:3]
with open(path, encoding="utf-8") as handle:
    text = handle.read()
try:
    data = json.loads(text)
except json.JSONDecodeError:  # JSON lines
    print(sum(1 for line in text.splitlines() if line.strip()))
    raise SystemExit
def count(node):
    if isinstance(node, list):
        return len(node)
    for key in ("findings", "Findings", "matches", "results"):
        if isinstance(node.get(key), list):
            return len(node[key])
    for value in node.values():
        if isinstance(value, dict):
            found = count(value)
            if found is not None:
                return found
    return None
found = count(data)
print("?" if found is None else found)
PY
}

# first_bad JOB TOOL: the first exit status of its runs that is not a success (empty when none).
first_bad() {
    local ms rss status
    while read -r ms rss status; do
        ok_status "$2" "$status" || { echo "$status $ms"; return; }
    done < "$RESULTS/$1.$2"
}

# cell JOB TOOL METRIC: one table cell.
cell() {
    local job=$1 tool=$2 metric=$3 file=$RESULTS/$1.$2
    [ -n "${EXE[$tool]}" ] || { echo "n/a (not installed)"; return; }
    [ -s "$file" ] || { echo "n/a"; return; }
    local bad
    bad=$(first_bad "$job" "$tool")
    if [ -n "$bad" ]; then
        case $metric in
            time) if [ "${bad% *}" = 124 ]; then echo "timeout (killed at $(fmt_ms "${bad#* }"))"; else echo "failed (exit ${bad% *})"; fi ;;
            *) echo "–" ;;
        esac
        return
    fi
    local ms kw_ms
    ms=$(awk '{ print $1 }' "$file" | median)
    case $metric in
        time)
            local text
            text=$(fmt_ms "$ms")
            if [ "$tool" != keywarden ] && [ -s "$RESULTS/$job.keywarden" ] && [ -z "$(first_bad "$job" keywarden)" ]; then
                kw_ms=$(awk '{ print $1 }' "$RESULTS/$job.keywarden" | median)
                text="$text ($(awk -v p="$ms" -v k="$kw_ms" 'BEGIN { if (p >= k) printf "%.1fx slower", p / k; else printf "%.1fx faster", k / p }'))"
            fi
            echo "$text" ;;
        rate)
            local bytes=$TREE_BYTES
            [ "$job" = history ] && bytes=$BLOB_BYTES
            awk -v b="$bytes" -v ms="$ms" 'BEGIN { printf "%.1f MB/s", b / 1048576 / (ms / 1000) }' ;;
        rss) awk '{ print $2 }' "$file" | sort -n | tail -1 | awk '{ printf "%.0f MiB", $1 / 1024 }' ;;
        findings) if [ -f "$file.json" ]; then thousands "$(count_findings "$tool" "$file.json")"; else echo "?"; fi ;;
    esac
}

row() {
    local label=$1 job=$2 metric=$3 tool line="| $1 |"
    for tool in "${TOOLS[@]}"; do line="$line $(cell "$job" "$tool" "$metric") |"; done
    echo "$line"
}

floor_row() {
    local label=$1 file=$RESULTS/floor.$2 ms rss status bytes
    read -r ms rss status bytes < "$file"
    if [ "$status" != 0 ]; then echo "| $label | failed (exit $status) | | | |"; return; fi
    echo "| $label | $(fmt_ms "$ms") | $(awk -v b="$BLOB_BYTES" -v ms="$ms" 'BEGIN { printf "%.1f MB/s", b / 1048576 / (ms / 1000) }') | $((rss / 1024)) MiB | $((bytes / 1048576)) MiB |"
}

ELAPSED_S=$(( ($(now_ns) - BENCH_START) / 1000000000 ))
TABLE=$WORK/table.md
{
    echo "### keywarden against its peers: $CORPUS"
    echo
    echo "- machine: $(nproc) cores; load before: ${LOAD_BEFORE#*load average: }; after: $(uptime | sed 's/.*load average: //')"
    echo "- corpus: $CORPUS_SOURCE; checkout $(thousands "$TREE_FILES") files, $((TREE_BYTES / 1048576)) MiB;" \
        "history $REFS refs, $(thousands "$COMMITS") commits, $(thousands "$BLOBS") blobs, $((BLOB_BYTES / 1048576)) MiB of blobs"
    [ "${MISSING_BLOBS:-0}" != 0 ] && echo "- $MISSING_BLOBS blobs missing from the source repository were replaced by one-line placeholders (git replace)"
    [ "${SKIPPED_REFS:-0}" != 0 ] && echo "- $SKIPPED_REFS pinned refs were missing from the source repository and left out"
    echo "- versions: keywarden ${VERSION[keywarden]:-?} ($BIN), gitleaks ${VERSION[gitleaks]:-n/a}, betterleaks ${VERSION[betterleaks]:-n/a}, kingfisher ${VERSION[kingfisher]:-n/a}"
    echo "- one untimed warm-up run per tool and job$([ "$HISTORY_WARMUP" = 0 ] && echo " (none for history)"); directory median of $DIR_RUNS, history median of $HISTORY_RUNS;" \
        "MB = 2^20 bytes; peak RSS = largest single process; ratio = peer time / keywarden time, same run"
    [ -n "${STAGED_HARNESS_MS:-}" ] && echo "- staged: each run timed from spawn to exit by Benchmarks/lib/time_runs.py (spawning \`true\` the same way: $(fmt_ms "$STAGED_HARNESS_MS"))"
    echo "- benchmark run time: $((ELAPSED_S / 60)) min $((ELAPSED_S % 60)) s"
    echo
    echo "| job | keywarden | gitleaks | betterleaks | kingfisher |"
    echo "|---|---:|---:|---:|---:|"
    row "directory: wall time" directory time
    row "directory: throughput" directory rate
    row "directory: peak RSS" directory rss
    row "directory: findings" directory findings
    row "history (all refs): wall time" history time
    row "history: throughput (blob bytes)" history rate
    row "history: peak RSS" history rss
    row "history: findings" history findings
    row "staged, 1 of 10,000 files changed: median (keywarden $STAGED_RUNS runs, peers $STAGED_PEER_RUNS)" staged time
    echo
    echo "| git floor on the history repository | wall time | blob bytes / time | peak RSS | output |"
    echo "|---|---:|---:|---:|---:|"
    [ -f "$RESULTS/floor.cat-file" ] && floor_row '`git cat-file --batch-all-objects --batch --unordered`' cat-file
    [ -f "$RESULTS/floor.log-raw" ] && floor_row '`git log --all --raw --no-abbrev`' log-raw
    [ -f "$RESULTS/floor.log-p" ] && floor_row '`git log -p -U0 --full-history --all --diff-filter=tuxdb` (what gitleaks reads)' log-p
    true
} > "$TABLE"

SAVED=$CACHE/peers-results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$SAVED"
cp -r "$RESULTS"/. "$SAVED"/
cp "$TABLE" "$SAVED/table.md"
echo
cat "$TABLE"
say "table, timings of every run (ms rss_kib exit) and the reports: $SAVED"
