#!/usr/bin/env bash
# The staged-scan benchmark's repository, shared by git_benchmark.sh and peers_benchmark.sh so
# both measure the same thing. Source it, then:
#   make_staged_repo DIR   # 10,000 committed Python files, one of them changed and staged
make_staged_repo() {
    local repo=$1
    python3 - "$repo" <<'PY'
import os, sys
root = sys.argv[1]
for i in range(10_000):
    directory = os.path.join(root, f"pkg{i // 100:03d}")
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, f"module_{i}.py"), "w") as handle:
        handle.write("".join(f"def function_{i}_{j}(value):\n    return value * {j} + {i}\n\n" for j in range(12)))
PY
    git -C "$repo" init -q -b main
    git -C "$repo" add -A
    git -C "$repo" commit -q -m "10,000 files"
    printf 'def added(value):\n    return value + 1\n' >> "$repo/pkg050/module_5000.py"
    git -C "$repo" add pkg050/module_5000.py
}
