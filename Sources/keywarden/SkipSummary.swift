import KeyWardenInputs

/// "skipped 38 binary files, 6 symbolic links not followed; --verbose lists them": the expected
/// skips of a scan in one line, counted by kind, so a big tree does not bury the report.
enum SkipSummary {
    static func line(_ skipped: [SkippedInput]) -> String {
        var counts: [String: Int] = [:]
        for item in skipped { counts[kind(of: item.reason), default: 0] += 1 }
        let parts = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { kind, count in
            "\(count) \(count == 1 ? kind : plural(kind))"
        }
        return "skipped " + parts.joined(separator: ", ") + "; --verbose lists them"
    }

    static func kind(of reason: SkippedInput.Reason) -> String {
        switch reason {
        case .binary: "binary file"
        case .symlinkNotFollowed: "symbolic link not followed"
        case .notRegularFile: "special file"
        case .tooLarge: "file too large"
        case .unreadable: "unreadable file"
        case .symlinkLoop: "symbolic link loop"
        case .brokenSymlink: "broken symbolic link"
        case .archiveBounded: "archive not scanned"
        case .archiveNestedTooDeep: "archive nested too deep"
        case .recorded: "other"
        }
    }

    /// "binary files", "symbolic links not followed": the noun before any qualifier.
    static func plural(_ kind: String) -> String {
        for noun in ["file", "link", "loop", "archive"] where kind.contains(noun) {
            return kind.replacingOccurrences(of: noun, with: noun + "s", options: [], range: kind.range(of: noun))
        }
        return kind
    }
}
