#!/usr/bin/env python3
"""Score secret scanners on the real-world corpus (Benchmarks/realworld/README.md).

    score.py --tree TREE --labels EXPECTED.json --corrections label-corrections.tsv \
             --results DIR [--times FILE] [--review FILE] [--misses FILE]

TREE holds the scanned copy of the corpus (credsweeper/<sample>, detect-secrets/<path>).
EXPECTED.json is CredSweeper's expected report for its samples (tests/data/output.json).
DIR holds one report per scanner, named <tool>.json: keywarden, gitleaks, betterleaks,
kingfisher, detect-secrets; a missing report prints "n/a" in that column.
FILE for --times has one "<tool> <seconds>" per line.

Truth. A secret is one credential: a set of (file, line) pairs. CredSweeper's expected
report gives one candidate per entry (the lines of all its parts, e.g. the 10 lines of a PEM
block, or an access key id and its secret); candidates that share a line are merged into one
secret, except candidates of rules that name no credential (UUID, bucket, app id, app domain,
salt, nonce: see NEUTRAL_RULES), whose lines are neutral. label-corrections.tsv then adds
(`secret`), removes (`not-secret`) or neutralises (`ignore`) lines; it also holds every label of
the detect-secrets test data, which ships no expected report. Every other line of the corpus is
a non-secret.

Matching. A finding covers the lines from its start line to its end line (its parts' lines
too, for a keywarden credential set). A secret is found when a finding covers one of its
lines. For precision, each tool's findings are reduced to distinct locations (file, start
line): a location is a true positive when one of its findings covers a line of a secret, it is
neutral when it covers only `ignore` lines, and a false positive otherwise.

Output is a deterministic markdown report on stdout.
"""
import argparse
import json
import os
import re
import sys
from collections import defaultdict

TOOLS = ["keywarden", "gitleaks", "betterleaks", "kingfisher", "detect-secrets"]

# Kind of secret, from the name of CredSweeper's rule. Anything not listed is a provider key.
PRIVATE_KEY_RULES = {
    "PEM Private Key", "BASE64 encoded PEM Private Key", "BASE64 Private Key", "JWK",
    "JSON Web Key", "Age Secret Key",
}
PASSWORD_RULES = {
    "Password", "SQL Password", "CMD Password", "CMD ConvertTo-SecureString",
    "CURL User Password", "URL Credentials", "Credential", "Basic Authorization",
}
GENERIC_RULES = {
    "Token", "Key", "Secret", "API", "Auth", "CMD Token", "CMD Secret", "Nonce", "Salt",
    "Bearer Authorization", "CURL Options", "OTP / 2FA Secret",
}
# Not credentials: public identifiers (bucket names, app domains, app ids, bare UUIDs), salts
# and nonces. Their lines count neither way (like `ignore`) unless a credential shares them.
NEUTRAL_RULES = {
    "UUID", "AWS S3 Bucket", "Firebase Domain", "Tencent WeChat API App ID", "Salt", "Nonce",
}
KINDS = ["provider key", "private key", "password", "generic secret"]
KIND_PRIORITY = {"private key": 0, "provider key": 1, "password": 2, "generic secret": 3}


def kind_of_rule(rule: str) -> str:
    if rule in PRIVATE_KEY_RULES:
        return "private key"
    if rule in PASSWORD_RULES:
        return "password"
    if rule in GENERIC_RULES:
        return "generic secret"
    return "provider key"


# A false positive has no label to take a kind from: it takes the kind its rule names.
def kind_of_finding_rule(rule: str) -> str:
    r = rule.lower()
    if re.search(r"private[-_ ]?key|pem|ssh|pgp|age-secret", r):
        return "private key"
    if re.search(r"passw|pwd|basic[-_ ]?auth|url-embedded|database-url|connection|netrc|pgpass|shadow|htpasswd", r):
        return "password"
    if re.search(r"generic|keyword|entropy|secret-assignment|define-secret|xml-|spring|key-value|setting", r):
        return "generic secret"
    return "provider key"


# File type, from the sample's name: code per language, configuration and credential files,
# documents and markup, patches and logs, and bare samples with no extension.
LANGUAGES = {
    ".py": "Python", ".go": "Go", ".java": "Java", ".js": "JavaScript", ".php": "PHP",
    ".hs": "Haskell", ".groovy": "Groovy", ".gradle": "Groovy", ".c": "C/C++", ".cc": "C/C++",
    ".h": "C/C++", ".cs": "C#", ".rb": "Ruby", ".sh": "Shell", ".ts": "TypeScript",
}
CONFIG = {".json", ".yaml", ".yml", ".toml", ".xml", ".ini", ".env", ".tfvars", ".template",
          ".properties", ".conf", ".cfg", ".jks", ".tm7", ".spec", ".file", ".p12"}
DOCS = {".md", ".html", ".eml", ".txt", ".pdf", ".rtf", ".csv"}
PATCHES = {".patch", ".diff", ".log"}


def file_type(path: str) -> str:
    name = os.path.basename(path)
    ext = os.path.splitext(name)[1].lower()
    # CredSweeper's doc_* samples are notes in prose ("ID/PW: master/...", "password is ..."),
    # the way credentials appear in wikis, tickets and chat: kept apart from bare token samples.
    if name.startswith("doc_") and not ext:
        return "prose notes (doc_* samples)"
    # CredSweeper names some samples <kind>.p.<lang> or <kind>.<n|p>: the last suffix rules.
    if ext in LANGUAGES:
        return "code: " + LANGUAGES[ext]
    if ext in CONFIG:
        return "config file"
    if ext in DOCS:
        return "document/markup"
    if ext in PATCHES:
        return "patch/log"
    return "plain text (no extension)"


FILE_TYPE_ORDER = ["config file", "document/markup", "patch/log", "prose notes (doc_* samples)",
                   "plain text (no extension)"]


# ---------------------------------------------------------------- truth

class Truth:
    def __init__(self):
        self.secrets = []          # list of dict(file, lines:set, kind, source, rules:set)
        self.by_line = {}          # (file, line) -> secret index
        self.ignored = set()       # (file, line)

    def add(self, file, lines, kind, source, rule):
        lines = set(lines)
        hits = sorted({self.by_line[(file, l)] for l in lines if (file, l) in self.by_line})
        if hits:
            target = self.secrets[hits[0]]
            for other in hits[1:]:
                merged = self.secrets[other]
                target["lines"] |= merged["lines"]
                target["rules"] |= merged["rules"]
                if KIND_PRIORITY[merged["kind"]] < KIND_PRIORITY[target["kind"]]:
                    target["kind"] = merged["kind"]
                merged["lines"] = set()
            target["lines"] |= lines
            target["rules"].add(rule)
            if KIND_PRIORITY[kind] < KIND_PRIORITY[target["kind"]]:
                target["kind"] = kind
            index = hits[0]
        else:
            self.secrets.append({"file": file, "lines": lines, "kind": kind, "source": source, "rules": {rule}})
            index = len(self.secrets) - 1
        for l in self.secrets[index]["lines"]:
            self.by_line[(file, l)] = index

    def remove_line(self, file, line):
        index = self.by_line.pop((file, line), None)
        if index is not None:
            self.secrets[index]["lines"].discard(line)

    def final(self):
        self.secrets = [s for s in self.secrets if s["lines"]]
        self.by_line = {}
        for index, s in enumerate(self.secrets):
            for l in s["lines"]:
                self.by_line[(s["file"], l)] = index
        self.secrets.sort(key=lambda s: (s["file"], min(s["lines"])))
        self.by_line = {(s["file"], l): i for i, s in enumerate(self.secrets) for l in s["lines"]}


def parse_lines(spec: str):
    if "-" in spec:
        a, b = spec.split("-", 1)
        return list(range(int(a), int(b) + 1))
    return [int(spec)]


def load_truth(tree, expected_path, corrections_path):
    truth = Truth()
    present = set()
    for root, _, files in os.walk(tree):
        for name in files:
            present.add(os.path.relpath(os.path.join(root, name), tree))
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    dropped = 0
    neutral = set()
    for entry in expected:
        parts = entry["line_data_list"]
        file = "credsweeper/" + os.path.basename(parts[0]["path"])
        if file not in present:          # binary or archive sample: not in the scanned tree
            dropped += 1
            continue
        lines = [p["line_num"] for p in parts if p["line_num"] > 0]
        if lines and entry["rule"] in NEUTRAL_RULES:
            neutral.update((file, l) for l in lines)
        elif lines:
            truth.add(file, lines, kind_of_rule(entry["rule"]), "credsweeper", entry["rule"])
    truth.ignored = {key for key in neutral if key not in truth.by_line}
    corrections = []
    with open(corrections_path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            fields = raw.rstrip("\n").split("\t")
            if fields[0] == "file":
                continue
            if len(fields) < 5:
                raise SystemExit(f"{corrections_path}:{number}: expected 5 tab-separated fields")
            file, spec, label, kind, note = fields[:5]
            if file not in present:
                raise SystemExit(f"{corrections_path}:{number}: {file} is not in the corpus tree")
            corrections.append((file, parse_lines(spec), label, kind, note))
    for file, lines, label, kind, note in corrections:
        if label == "not-secret" or label == "ignore":
            for l in lines:
                truth.remove_line(file, l)
            if label == "ignore":
                truth.ignored.update((file, l) for l in lines)
        elif label == "secret":
            if kind not in KIND_PRIORITY:
                raise SystemExit(f"unknown kind {kind!r} for {file}:{lines[0]}")
            truth.ignored.difference_update((file, l) for l in lines)
            truth.add(file, lines, kind, "correction", "correction")
        else:
            raise SystemExit(f"unknown label {label!r} for {file}:{lines[0]}")
    truth.final()
    return truth, present, dropped, len(corrections)


# ---------------------------------------------------------------- findings

def relative(path, tree):
    path = os.path.normpath(path)
    tree = os.path.normpath(os.path.abspath(tree))
    if os.path.isabs(path):
        return os.path.relpath(path, tree)
    return path[2:] if path.startswith("./") else path


def findings_keywarden(report, tree):
    for f in report.get("findings", []):
        file = relative(f["path"], tree)
        lines = set(range(f["line"], (f.get("endLine") or f["line"]) + 1))
        for part in f.get("parts") or []:
            lines |= set(range(part["line"], (part.get("endLine") or part["line"]) + 1))
        yield file, f["line"], lines, f["rule"]


def findings_gitleaks(report, tree):
    for f in report or []:
        yield relative(f["File"], tree), f["StartLine"], set(range(f["StartLine"], max(f["EndLine"], f["StartLine"]) + 1)), f["RuleID"]


def findings_betterleaks(report, tree):
    for f in report.get("findings") or []:
        loc = f["location"]
        start, end = loc["start_line"], max(loc.get("end_line") or loc["start_line"], loc["start_line"])
        yield relative(loc["path"], tree), start, set(range(start, end + 1)), f["rule_id"]


def findings_kingfisher(report, tree):
    for item in report.get("findings") or []:
        f = item["finding"]
        start = f["line"]
        end = start
        # The snippet is the matched text; a multi-line match (a PEM block) spans its newlines,
        # unless it was found in decoded (base64) content, where lines are the encoded line's.
        if not f.get("encoding"):
            end = start + f.get("snippet", "").count("\n")
        yield relative(f["path"], tree), start, set(range(start, end + 1)), item["rule"]["id"]


def findings_detect_secrets(report, tree):
    for file, items in (report.get("results") or {}).items():
        for f in items:
            yield relative(file, tree), f["line_number"], {f["line_number"]}, f["type"]


READERS = {
    "keywarden": findings_keywarden, "gitleaks": findings_gitleaks,
    "betterleaks": findings_betterleaks, "kingfisher": findings_kingfisher,
    "detect-secrets": findings_detect_secrets,
}


def load_findings(results_dir, tool, tree):
    path = os.path.join(results_dir, tool + ".json")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    return list(READERS[tool](report, tree))


# ---------------------------------------------------------------- scoring

def evaluate(truth, findings):
    """Returns found secret indexes, and per location (file, start) its verdict and rules."""
    found = set()
    locations = {}
    for file, start, lines, rule in findings:
        hits = {truth.by_line[(file, l)] for l in lines if (file, l) in truth.by_line}
        found |= hits
        key = (file, start)
        verdict = "tp" if hits else ("ignore" if any((file, l) in truth.ignored for l in lines) else "fp")
        previous = locations.get(key)
        if previous is None:
            locations[key] = {"verdict": verdict, "rules": {rule}, "hits": set(hits)}
        else:
            previous["rules"].add(rule)
            previous["hits"] |= hits
            if verdict == "tp" or (verdict == "ignore" and previous["verdict"] == "fp"):
                previous["verdict"] = verdict
    return found, locations


def location_kind(truth, location, key):
    if location["hits"]:
        return min((truth.secrets[i]["kind"] for i in location["hits"]), key=KIND_PRIORITY.get)
    return kind_of_finding_rule(sorted(location["rules"])[0])


def pct(numerator, denominator):
    return "–" if denominator == 0 else f"{100.0 * numerator / denominator:.1f}%"


def cell(found, total, tp, fp):
    return f"{pct(found, total)} / {pct(tp, tp + fp)}"


def table(title, groups, truth, results, tools, group_of_secret, group_of_location, note):
    lines = [f"### {title}", "", note, ""]
    header = "| " + " | ".join(["category", "secrets"] + tools) + " |"
    lines += [header, "|---|---:|" + "---:|" * len(tools)]
    for group in groups + ["all"]:
        members = [i for i, s in enumerate(truth.secrets) if group == "all" or group_of_secret(s) == group]
        row = [f"**{group}**" if group == "all" else group, str(len(members))]
        any_location = False
        for tool in tools:
            result = results.get(tool)
            if result is None:
                row.append("n/a")
                continue
            found, locations = result
            hit = len([i for i in members if i in found])
            tp = fp = 0
            for key, loc in locations.items():
                if group != "all" and group_of_location(loc, key) != group:
                    continue
                if loc["verdict"] == "tp":
                    tp += 1
                elif loc["verdict"] == "fp":
                    fp += 1
            any_location = any_location or tp + fp > 0
            row.append(cell(hit, len(members), tp, fp))
        if members or any_location:
            lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", required=True)
    parser.add_argument("--labels", required=True)
    parser.add_argument("--corrections", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--times")
    parser.add_argument("--versions")
    parser.add_argument("--review", help="write every disagreement with the labels here")
    parser.add_argument("--misses", help="write the secrets keywarden misses and a peer finds here")
    args = parser.parse_args()

    truth, present, dropped, corrections = load_truth(args.tree, args.labels, args.corrections)
    results, raw = {}, {}
    for tool in TOOLS:
        findings = load_findings(args.results, tool, args.tree)
        if findings is None:
            results[tool] = None
            continue
        raw[tool] = findings
        results[tool] = evaluate(truth, findings)
    times = {}
    if args.times and os.path.exists(args.times):
        with open(args.times, encoding="utf-8") as handle:
            for raw_line in handle:
                name, _, seconds = raw_line.strip().partition(" ")
                times[name] = seconds
    versions = {}
    if args.versions and os.path.exists(args.versions):
        with open(args.versions, encoding="utf-8") as handle:
            for raw_line in handle:
                name, _, version = raw_line.strip().partition(" ")
                versions[name] = version

    tools = TOOLS
    out = []
    out.append(f"Corpus: {len(present)} text files, {len(truth.secrets)} secrets "
               f"({sum(1 for s in truth.secrets if s['file'].startswith('credsweeper/'))} in CredSweeper's samples, "
               f"{sum(1 for s in truth.secrets if s['file'].startswith('detect-secrets/'))} in detect-secrets' test data), "
               f"{len(truth.ignored)} lines ignored, {corrections} label corrections.")
    out.append("Each cell: recall / precision. Recall: secrets with a finding on one of their lines. "
               "Precision: distinct (file, line) locations reported that are on a secret.")
    out.append("")
    out += table("By kind of secret", KINDS, truth, results, tools,
                 lambda s: s["kind"], lambda loc, key: location_kind(truth, loc, key),
                 "A false positive counts under the kind its rule names (private key, password, generic, provider).")
    languages = sorted({file_type(f) for f in present if file_type(f).startswith("code: ")})
    out += table("By file type", languages + FILE_TYPE_ORDER, truth, results, tools,
                 lambda s: file_type(s["file"]), lambda loc, key: file_type(key[0]),
                 "Code per language (by extension), configuration and credential files, documents, patches and logs, bare samples.")
    summary = ["| tool | version | findings | locations | true | false | ignored | scan time |", "|---|---|---:|---:|---:|---:|---:|---:|"]
    for tool in tools:
        if results[tool] is None:
            summary.append(f"| {tool} | {versions.get(tool, '')} | n/a | | | | | |")
            continue
        found, locations = results[tool]
        counts = defaultdict(int)
        for loc in locations.values():
            counts[loc["verdict"]] += 1
        seconds = times.get(tool)
        summary.append(f"| {tool} | {versions.get(tool, '')} | {len(raw[tool])} | {len(locations)} | {counts['tp']} | "
                       f"{counts['fp']} | {counts['ignore']} | {seconds + ' s' if seconds else ''} |")
    out += ["### Totals", ""] + summary
    sys.stdout.write("\n".join(out) + "\n")

    if args.review:
        write_review(args.review, args.tree, truth, results)
    if args.misses:
        write_misses(args.misses, args.tree, truth, results)


def line_text(tree, file, line, cache={}):
    if file not in cache:
        try:
            with open(os.path.join(tree, file), encoding="utf-8", errors="replace") as handle:
                cache[file] = handle.read().split("\n")
        except OSError:
            cache[file] = []
    lines = cache[file]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return text.strip()[:140]


def write_review(path, tree, truth, results):
    """Disagreements, for reviewing labels by hand: secrets some tool misses, and locations
    some tool reports that are not on a secret."""
    tools = [t for t in TOOLS if results.get(t)]
    out = ["# secrets not found by every tool", "file\tlines\tkind\trules\tfound by\tmissed by\ttext"]
    for index, s in enumerate(truth.secrets):
        found_by = [t for t in tools if index in results[t][0]]
        if len(found_by) == len(tools):
            continue
        first = min(s["lines"])
        span = f"{first}-{max(s['lines'])}" if len(s["lines"]) > 1 else str(first)
        out.append("\t".join([s["file"], span, s["kind"], ",".join(sorted(s["rules"])), ",".join(found_by) or "-",
                              ",".join(t for t in tools if t not in found_by), line_text(tree, s["file"], first)]))
    out += ["", "# locations reported that are not on a secret", "file\tline\treported by\trules\ttext"]
    fps = defaultdict(dict)
    for tool in tools:
        for key, loc in results[tool][1].items():
            if loc["verdict"] == "fp":
                fps[key][tool] = sorted(loc["rules"])
    for key in sorted(fps):
        out.append("\t".join([key[0], str(key[1]), ",".join(t for t in TOOLS if t in fps[key]),
                              ";".join(sorted({r for rules in fps[key].values() for r in rules})), line_text(tree, *key)]))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


def write_misses(path, tree, truth, results):
    if not results.get("keywarden"):
        return
    kw_found = results["keywarden"][0]
    out = ["file\tlines\tkind\tlabel rules\tfound by\tpeer rules\ttext"]
    for index, s in enumerate(truth.secrets):
        if index in kw_found:
            continue
        peers = [t for t in TOOLS[1:] if results.get(t) and index in results[t][0]]
        if not peers:
            continue
        rules = set()
        for tool in peers:
            for key, loc in results[tool][1].items():
                if index in loc["hits"]:
                    rules |= {f"{tool}:{r}" for r in loc["rules"]}
        first = min(s["lines"])
        out.append("\t".join([s["file"], str(first), s["kind"], ",".join(sorted(s["rules"])), ",".join(peers),
                              ",".join(sorted(rules)), line_text(tree, s["file"], first)]))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
