#!/usr/bin/env bash
# Real-world detection accuracy: keywarden next to gitleaks, betterleaks, detect-secrets and
# Kingfisher on public test corpora written and labelled by others (Benchmarks/realworld/README.md).
#
#   Benchmarks/realworld/run.sh [KEYWARDEN_BIN]
#
# KEYWARDEN_BIN defaults to a release build of this checkout (swift build -c release).
# Everything fetched or generated lives outside the repository, under
# ${KEYWARDEN_BENCH_CACHE:-~/.cache/keywarden-bench}: corpora/ (the corpora and the scanned tree)
# and realworld-results/ (each scanner's report, review.tsv, keywarden-misses.tsv).
#
# The corpora come, in this order of preference, from:
#   1. the cache, when its content digest matches the pinned one;
#   2. CREDSWEEPER_SRC / DETECT_SECRETS_SRC: a checkout or bare git directory of the projects
#      (the pinned tag is archived from it when it is a git repository; a plain directory is
#      copied and must match the pinned digest);
#   3. KEYWARDEN_BENCH_ARCHIVES (default ../shared/bench/corpora next to the repository):
#      credsweeper-1.17.4.tar.gz / detect-secrets-1.5.0.tar.gz holding those same files;
#   4. a shallow git fetch of the pinned commit from GitHub.
# Neither project's PyPI sdist ships its test data (credsweeper 1.1.0, 1.5.0, 1.11.0, 1.19.5 and
# its sdist config since 1.6.4; detect-secrets 0.14.3 and 1.5.0), so PyPI is no source for them.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${KEYWARDEN_BENCH_CACHE:-$HOME/.cache/keywarden-bench}
CORPORA=$CACHE/corpora
OUT=$CACHE/realworld-results
ARCHIVES=${KEYWARDEN_BENCH_ARCHIVES:-$ROOT/../shared/bench/corpora}
mkdir -p "$CORPORA" "$OUT"

# Pinned corpora: name, repository, tag, commit, paths, digest (prepare.py digest: sha256, files).
CREDSWEEPER=(credsweeper-1.17.4 Samsung/CredSweeper v1.17.4 c7ad63b95ce0941954465a3b759046b14b88807b
             "tests/samples tests/data"
             "7f379a29f9fdc6b0ed6d380958e46a6370bb0274c2edf694048af91fb4d3b604 234")
DETECT_SECRETS=(detect-secrets-1.5.0 Yelp/detect-secrets v1.5.0 01886c8a910c64595c47f186ca1ffc0b77fa5458
                "test_data"
                "8736f271526e6480f13dc2d51a60109b7d70452cfbd02f21a7ac162bc6e982b5 23")

say() { echo "realworld: $*" >&2; }

# corpus_from_git GITDIR COMMIT PATHS DEST: archive the pinned commit's paths into DEST.
corpus_from_git() {
    local gitdir=$1 commit=$2 paths=$3 dest=$4
    git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null || return 1
    # shellcheck disable=SC2086
    git --git-dir="$gitdir" archive --format=tar "$commit" $paths 2>/dev/null | tar -x -C "$dest"
}

# fetch_corpus NAME REPO TAG COMMIT PATHS DIGEST SRC_VARIABLE: leaves the corpus in $CORPORA/NAME.
fetch_corpus() {
    local name=$1 repo=$2 tag=$3 commit=$4 paths=$5 digest=$6 variable=$7
    local src=${!variable:-}
    local dest=$CORPORA/$name
    if [ -f "$dest/.digest" ] && [ "$(cat "$dest/.digest")" = "$digest" ]; then
        return 0
    fi
    local tmp
    tmp=$(mktemp -d "$CORPORA/.$name.XXXXXX")
    local got=""
    if [ -n "$src" ] && [ -e "$src" ]; then
        local gitdir=""
        if gitdir=$(git -C "$src" rev-parse --absolute-git-dir 2>/dev/null); then :;
        elif [ -f "$src/HEAD" ] && [ -d "$src/objects" ]; then gitdir=$src; fi
        if [ -n "$gitdir" ] && corpus_from_git "$gitdir" "$commit" "$paths" "$tmp"; then
            got="git repository $src ($tag)"
        elif [ -z "$gitdir" ]; then
            local p
            for p in $paths; do
                mkdir -p "$tmp/$(dirname "$p")"
                cp -R "$src/$p" "$tmp/$p"
            done
            got="directory $src"
        else
            say "$src does not hold $repo $tag ($commit)"
        fi
    fi
    if [ -z "$got" ] && [ -f "$ARCHIVES/$name.tar.gz" ]; then
        tar -xzf "$ARCHIVES/$name.tar.gz" -C "$tmp" && got="archive $ARCHIVES/$name.tar.gz"
    fi
    if [ -z "$got" ]; then
        say "fetching $repo $tag from GitHub (shallow, pinned commit)"
        local clone=$tmp/.clone
        if git init -q --bare "$clone" \
            && timeout 300 git --git-dir="$clone" fetch -q --depth 1 "https://github.com/$repo" "$commit" \
            && corpus_from_git "$clone" "$commit" "$paths" "$tmp"; then
            got="https://github.com/$repo at $commit"
        fi
        rm -rf "$clone"
    fi
    if [ -z "$got" ]; then
        rm -rf "$tmp"
        say "cannot obtain $repo $tag: set $variable to a checkout of it, or put $name.tar.gz in $ARCHIVES"
        return 1
    fi
    local have
    have=$(python3 "$HERE/prepare.py" digest "$tmp")
    if [ "$have" != "$digest" ]; then
        rm -rf "$tmp"
        say "$name from $got has digest '$have', expected '$digest' (wrong version?)"
        return 1
    fi
    echo "$digest" > "$tmp/.digest"
    rm -rf "$dest"
    mv "$tmp" "$dest"
    say "$name from $got"
}

fetch_corpus "${CREDSWEEPER[@]}" CREDSWEEPER_SRC
fetch_corpus "${DETECT_SECRETS[@]}" DETECT_SECRETS_SRC
TREE=$CORPORA/realworld-tree
python3 "$HERE/prepare.py" tree "$CORPORA/${CREDSWEEPER[0]}" "$CORPORA/${DETECT_SECRETS[0]}" "$TREE"

BIN=${1:-${KEYWARDEN_BIN:-}}
if [ -z "$BIN" ]; then
    # shellcheck source=../lib/release_build.sh
    . "$ROOT/Benchmarks/lib/release_build.sh"
    BIN=$(release_binary "$ROOT")
fi
[ -x "$BIN" ] || { say "no keywarden binary at $BIN"; exit 2; }

# shellcheck source=../lib/peers.sh
. "$ROOT/Benchmarks/lib/peers.sh"
peers_install

RESULTS=$OUT/reports
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
: > "$OUT/times"
: > "$OUT/versions"

# run TOOL VERSION COMMAND...: times the command; a failure leaves no report (column n/a).
run() {
    local tool=$1 version=$2
    shift 2
    local start end status=0
    start=$(date +%s%N)
    "$@" > "$RESULTS/$tool.stdout" 2> "$RESULTS/$tool.stderr" || status=$?
    end=$(date +%s%N)
    # Exit codes that mean "findings": keywarden 1, kingfisher 200 (the others are told 0).
    case "$tool:$status" in
        *:0 | keywarden:1 | kingfisher:200) ;;
        *) say "$tool exited $status (see $RESULTS/$tool.stderr); its column reads n/a"
           rm -f "$RESULTS/$tool.json"; return 0 ;;
    esac
    awk -v ns=$((end - start)) -v t="$tool" 'BEGIN { printf "%s %.1f\n", t, ns / 1e9 }' >> "$OUT/times"
    echo "$tool $version" >> "$OUT/versions"
}

run keywarden "$("$BIN" --version 2>/dev/null | head -1)" \
    "$BIN" scan "$TREE" --format json --output "$RESULTS/keywarden.json" --no-cache --quiet
if [ -n "${GITLEAKS:-}" ]; then
    run gitleaks "$("$GITLEAKS" version)" \
        "$GITLEAKS" dir "$TREE" --no-banner --report-format json --report-path "$RESULTS/gitleaks.json" --exit-code 0
fi
if [ -n "${BETTERLEAKS:-}" ]; then
    run betterleaks "$("$BETTERLEAKS" version 2>/dev/null | awk '{print $NF}')" \
        "$BETTERLEAKS" fs "$TREE" --no-banner --output "$RESULTS/betterleaks.json" --exit-code 0
fi
if [ -n "${KINGFISHER:-}" ]; then
    # --no-dedup: report every occurrence (the default folds a secret repeated across files
    # into one finding, which a per-location benchmark would count as misses).
    run kingfisher "$("$KINGFISHER" --version | awk '{print $NF}')" \
        "$KINGFISHER" scan "$TREE" --no-validate --no-update-check --no-dedup --format json --output "$RESULTS/kingfisher.json"
fi
if [ -n "${DETECT_SECRETS:-}" ]; then
    # Prints its baseline on stdout, with paths relative to the directory it runs in.
    run detect-secrets "$("$DETECT_SECRETS" --version)" \
        sh -c 'cd "$1" && "$2" scan --all-files . > "$3"' sh "$TREE" "$DETECT_SECRETS" "$RESULTS/detect-secrets.json"
fi

python3 "$HERE/score.py" --tree "$TREE" \
    --labels "$CORPORA/${CREDSWEEPER[0]}/tests/data/output.json" \
    --corrections "$HERE/label-corrections.tsv" \
    --results "$RESULTS" --times "$OUT/times" --versions "$OUT/versions" \
    --review "$OUT/review.tsv" --misses "$OUT/keywarden-misses.tsv"
say "reports, review.tsv (every disagreement with the labels) and keywarden-misses.tsv in $OUT"
