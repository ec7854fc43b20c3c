#!/usr/bin/env python3
"""Converts a scan report to score.py's JSON lines: {"path", "line", "rule", "commit"} per finding.

Usage: findings_to_jsonl.py keywarden|gitleaks REPORT.json OUT.jsonl
keywarden: `keywarden scan --format json` (findings[].path/line/rule/commit).
gitleaks:  `gitleaks git --report-format json` (a list of File/StartLine/RuleID/Commit).
"""
import json
import sys


def main(argv: list[str]) -> int:
    tool, report, out = argv[1:4]
    with open(report, encoding="utf-8") as handle:
        document = json.load(handle)
    if tool == "keywarden":
        rows = [{"path": f["path"], "line": f["line"], "rule": f["rule"], "commit": f.get("commit")}
                for f in document["findings"]]
    elif tool == "gitleaks":
        rows = [{"path": f["File"], "line": f["StartLine"], "rule": f["RuleID"], "commit": f.get("Commit")}
                for f in (document or [])]
    else:
        raise SystemExit(f"unknown tool {tool!r}: expected keywarden or gitleaks")
    with open(out, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, sort_keys=True) + "\n")
    print(f"{tool}: {len(rows)} findings -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
