#!/usr/bin/env python3
"""Parse a JUnit XML report with the standard `junitparser` package and print what it holds.

Usage: parse_junit.py FILE.xml   (prints JSON: suites, tests, failures, skipped, cases; exit 1 if unparsable)
"""
import json
import subprocess
import sys


def ensure_junitparser():
    try:
        import junitparser  # noqa: F401
        return
    except ImportError:
        pass
    command = [sys.executable, "-m", "pip", "install", "-q", "junitparser"]
    # Debian's system Python refuses pip installs without this flag (PEP 668).
    if subprocess.run(command).returncode != 0:
        subprocess.run(command + ["--break-system-packages"], check=True)


def main() -> int:
    ensure_junitparser()
    from junitparser import JUnitXml, Failure, Skipped
    xml = JUnitXml.fromfile(sys.argv[1])
    suites, cases = [], []
    for suite in xml:
        suites.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures, "skipped": suite.skipped})
        for case in suite:
            results = case.result
            cases.append({
                "suite": suite.name, "classname": case.classname, "name": case.name,
                "failure": next((r.message for r in results if isinstance(r, Failure)), None),
                "failureText": next((r.text for r in results if isinstance(r, Failure)), None),
                "skipped": any(isinstance(r, Skipped) for r in results),
            })
    print(json.dumps({"suites": suites, "cases": cases}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
