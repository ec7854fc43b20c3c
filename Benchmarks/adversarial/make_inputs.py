#!/usr/bin/env python3
"""make_inputs.py DIR: writes the inputs of adversarial_benchmark.sh into DIR, one directory per
case, each a scan root. Values are random (seeded) in the documented formats of the secrets they
imitate; none is a real credential. Each case is a shape that once made a scan super-linear or
crashed it, or that could: the point is that every one finishes in time proportional to its size.
"""
import base64
import os
import random
import string
import sys

ALNUM = string.ascii_letters + string.digits


def text(rng, length, alphabet=ALNUM):
    return "".join(rng.choice(alphabet) for _ in range(length))


def write(path, content):
    if os.path.dirname(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(content)


def main():
    root = sys.argv[1]
    rng = random.Random(20261129)
    # 40,000 AWS key pairs in one .env file: every match once compared with every other.
    write(f"{root}/many-keys/keys.env", "".join(
        f"AWS_ACCESS_KEY_ID=AKIA{text(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}\n"
        f"AWS_SECRET_ACCESS_KEY={text(rng, 40, ALNUM + '/+')}\n" for _ in range(40_000)))
    # 100,000 assignments on one 4.7 MB line (minified configuration).
    write(f"{root}/one-line/config.min.js", " ".join(f"token={text(rng, 40)}" for _ in range(100_000)))
    # 50,000 base64 lines that decode to credential assignments.
    write(f"{root}/encoded/blob.txt", "".join(
        base64.b64encode(f"password={text(rng, 24)} api_key={text(rng, 32)}".encode()).decode() + "\n"
        for _ in range(50_000)))
    # 8.6 MB of one run of letters and digits (no literal for Hyperscan to anchor on).
    write(f"{root}/one-run/run.txt", text(rng, 9_000_000))
    # 40,000 secrets each marked allowed inline.
    write(f"{root}/allowed/fixtures.py", "".join(
        f"GITHUB_TOKEN = 'ghp_{text(rng, 36)}'  # keywarden:allow test fixture\n" for _ in range(40_000)))
    # A tree nested 30,000 directories deep (made relative to each level: the path is longer
    # than the kernel opens at once); the recursive walk overflowed its stack.
    here = os.getcwd()
    os.makedirs(f"{root}/deep-tree", exist_ok=True)
    os.chdir(f"{root}/deep-tree")
    for _ in range(30_000):
        os.mkdir("d")
        os.chdir("d")
    write("bottom.txt", "nothing here\n")
    os.chdir(here)
    # skipPaths with 25 `**` against a 40-deep path: the recursive glob match was exponential.
    write(f"{root}/glob/.keywarden.yaml", 'skipPaths: ["' + "**/" * 25 + 'nomatch"]\n')
    write(f"{root}/glob/" + "/".join(["a"] * 40) + "/settings.env",
          f"GITHUB_TOKEN=ghp_{text(rng, 36)}\n")


if __name__ == "__main__":
    main()
