#!/usr/bin/env python3
"""Write the English BIP-39 test vectors shipped by the PyPI package `mnemonic` (the reference
implementation by SatoshiLabs) to Tests/KeyWardenCoreTests/Fixtures/bip39-vectors.json as
[{"entropy": hex, "mnemonic": words}], the input of the validator tests.

    python3 Scripts/extract_bip39_vectors.py
"""
import json
import pathlib
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "Tests/KeyWardenCoreTests/Fixtures/bip39-vectors.json"


def vectors_json() -> dict:
    """vectors.json from the mnemonic source distribution (the wheel does not ship it)."""
    work = pathlib.Path("/tmp/keywarden-bip39-vectors")
    work.mkdir(exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                    "-d", str(work), "mnemonic"], check=True)
    for archive in sorted(work.iterdir()):
        if archive.suffix == ".zip":
            with zipfile.ZipFile(archive) as z:
                name = next(n for n in z.namelist() if n.endswith("vectors.json"))
                return json.loads(z.read(name))
        if archive.name.endswith(".tar.gz"):
            import tarfile
            with tarfile.open(archive) as t:
                member = next(m for m in t.getmembers() if m.name.endswith("vectors.json"))
                return json.load(t.extractfile(member))
    sys.exit("no mnemonic source distribution downloaded")


def main() -> int:
    english = vectors_json()["english"]
    rows = [{"entropy": entropy, "mnemonic": words} for entropy, words, _seed, _xprv in english]
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} vectors -> {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
