#!/usr/bin/env python3
"""Convert a `keywarden scan --format json` report to the JSONL that ../shared/bench/score.py
reads: one {"path", "line", "rule"[, "commit"]} per finding, plus one per other part of a
grouped credential set (its key and passphrase lines, listed in the finding's `parts`).

    python3 Benchmarks/findings_to_jsonl.py REPORT.json > FINDINGS.jsonl
"""
import json
import sys


def rows(report: dict):
    for finding in report["findings"]:
        base = {"path": finding["path"], "rule": finding["rule"]}
        if finding.get("commit"):
            base["commit"] = finding["commit"]
        yield {**base, "line": finding["line"]}
        for part in finding.get("parts") or []:
            yield {**base, "rule": part["rule"], "line": part["line"]}


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        report = json.load(handle)
    for row in rows(report):
        print(json.dumps(row, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
