#!/usr/bin/env python3
"""Corpus helpers for run.sh (stdlib only).

    prepare.py digest DIR                 sha256 over every file under DIR (sorted relative
                                          paths and contents), to check a fetched corpus
    prepare.py tree CREDSWEEPER DETECT_SECRETS OUT
                                          lay out the scanned tree: OUT/credsweeper/<sample>
                                          (tests/samples, text files only) and
                                          OUT/detect-secrets/<path> (test_data)

A text file is one with no NUL byte in its first 8 KiB (the rule keywarden and gitleaks use to
skip binaries). Archives, images, office documents, a UTF-16 patch and compiled files in
CredSweeper's samples are therefore left out: they test CredSweeper's --depth/--doc decoders,
which none of the compared scanners run by default on a directory.
"""
import hashlib
import os
import shutil
import sys


def files_under(root):
    for base, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(base, name)
            if os.path.isfile(path) and not os.path.islink(path):
                yield os.path.relpath(path, root)


def digest(root):
    total = hashlib.sha256()
    count = 0
    for rel in sorted(files_under(root)):
        with open(os.path.join(root, rel), "rb") as handle:
            total.update(rel.encode() + b"\0" + hashlib.sha256(handle.read()).hexdigest().encode() + b"\n")
        count += 1
    return f"{total.hexdigest()} {count}"


def is_text(path):
    with open(path, "rb") as handle:
        return b"\0" not in handle.read(8192)


def tree(credsweeper, detect_secrets, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    copied = skipped = 0
    for source, prefix in ((os.path.join(credsweeper, "tests", "samples"), "credsweeper"),
                           (os.path.join(detect_secrets, "test_data"), "detect-secrets")):
        for rel in files_under(source):
            src = os.path.join(source, rel)
            if not is_text(src):
                skipped += 1
                continue
            dest = os.path.join(out, prefix, rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(src, dest)
            copied += 1
    print(f"tree: {copied} text files, {skipped} binary files left out", file=sys.stderr)


def main(argv):
    if len(argv) == 3 and argv[1] == "digest":
        print(digest(argv[2]))
    elif len(argv) == 5 and argv[1] == "tree":
        tree(argv[2], argv[3], argv[4])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
