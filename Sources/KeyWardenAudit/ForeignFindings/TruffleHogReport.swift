import KeyWardenInventory

/// TruffleHog `--json`: one object per line with `DetectorName`, `SourceMetadata.Data.<source>`
/// (`file`, `line`), `Raw`, `RawV2`, `Redacted` and `ExtraData`. Lines that are not JSON (log
/// lines on a shared stream) are skipped.
enum TruffleHogReport {
    static func matches(_ lines: [JSONValue]) -> Bool {
        !lines.isEmpty && lines.allSatisfy { $0["DetectorName"] != nil && $0["SourceMetadata"] != nil }
    }

    static func findings(_ lines: [JSONValue]) -> [ForeignFinding] {
        lines.map { item in
            // The source is one keyed object (Filesystem, Git, Github, ...) holding file and line.
            let source = item["SourceMetadata"]?["Data"]?.fields?.values.first { $0["file"] != nil || $0["line"] != nil }
            let raw = item["Raw"]?.text
            let values = [raw, item["RawV2"]?.text, item["Redacted"]?.text].compactMap { $0 }.filter { !$0.isEmpty }
            return ForeignFinding(rule: item["DetectorName"]?.text ?? "unknown", path: source?["file"]?.text ?? "",
                                  line: source?["line"]?.integer ?? 1, secret: raw,
                                  candidates: values + (item["ExtraData"]?.allStrings ?? []).flatMap(ForeignFinding.tokens))
        }
    }
}
