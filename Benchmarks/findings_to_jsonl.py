#!/usr/bin/env python3
"""Convert a scan report to the JSON lines ../shared/bench/score.py reads: one
{"path", "line", "rule"[, "commit"]} per finding.

    findings_to_jsonl.py [keywarden|gitleaks] REPORT.json [OUT.jsonl]     (default tool keywarden, stdout)

keywarden: `keywarden scan --format json`; a grouped credential set also yields one row per other
part (its key and passphrase lines, from the finding's `parts`).
gitleaks:  `gitleaks git --report-format json` (a list of File/StartLine/RuleID/Commit).
"""
import json
import sys


def keywarden_rows(report: dict):
    for finding in report["findings"]:
        base = {"path": finding["path"], "rule": finding["rule"]}
        if finding.get("commit"):
            base["commit"] = finding["commit"]
        yield {**base, "line": finding["line"]}
        for part in finding.get("parts") or []:
            yield {**base, "rule": part["rule"], "line": part["line"]}


def gitleaks_rows(report: list):
    for finding in report or []:
        yield {"path": finding["File"], "line": finding["StartLine"], "rule": finding["RuleID"], "commit": finding.get("Commit")}


def main(argv: list[str]) -> int:
    arguments = argv[1:]
    tool = arguments.pop(0) if arguments and arguments[0] in ("keywarden", "gitleaks") else "keywarden"
    if not arguments:
        raise SystemExit(__doc__)
    with open(arguments[0], encoding="utf-8") as handle:
        report = json.load(handle)
    rows = list(keywarden_rows(report) if tool == "keywarden" else gitleaks_rows(report))
    lines = "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows)
    if len(arguments) > 1:
        with open(arguments[1], "w", encoding="utf-8") as handle:
            handle.write(lines)
        print(f"{tool}: {len(rows)} findings -> {arguments[1]}", file=sys.stderr)
    else:
        sys.stdout.write(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
