#!/usr/bin/env python3
"""time_runs.py RUNS DIRECTORY COMMAND...: runs COMMAND in DIRECTORY RUNS times, one after the
other, and prints "milliseconds exit-status" per run: the wall time from spawning the process to
reaping it, nothing else. Output goes to /dev/null (the command names its own report file).

The shell's way (a subshell, /usr/bin/time, timeout, two `date` processes) adds 10-20 ms of
process starts around each run, which is most of a pre-commit scan's time; this measures the
scanner. `time_runs.py RUNS DIR true` shows what is left of the harness (about a millisecond).
"""
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, directory, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    for _ in range(runs):
        start = time.perf_counter()
        status = subprocess.run(command, cwd=directory, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{elapsed:.1f} {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
