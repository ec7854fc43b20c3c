# shellcheck shell=bash
# corpus_ready DIR MAKE_CORPUS_PY: the generated benchmark corpus in DIR, built there when DIR does
# not hold one yet. A DIR that holds something else is refused, never emptied: it may be anything
# the caller named (a corpus build that was interrupted is removed by hand).
corpus_ready() {
    local dir=$1 maker=$2
    [ -f "$dir/truth.jsonl" ] && return 0
    case $dir in -*) echo "benchmark: '$dir' is not a corpus directory" >&2; return 2 ;; esac
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
        echo "benchmark: $dir exists and holds no corpus (truth.jsonl): name an empty or new directory, or remove it if a corpus build was interrupted" >&2
        return 2
    fi
    python3 "$maker" "$dir" >&2
}
