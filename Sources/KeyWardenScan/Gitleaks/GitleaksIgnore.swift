import Foundation
import KeyWardenSupport

/// A `.gitleaksignore`: gitleaks finding fingerprints, one a line, whose findings are not
/// reported. `file:rule-id:line` (a directory scan's) or `commit:file:rule-id:line` (a history
/// scan's); `#` starts a comment line.
public struct GitleaksIgnore: Sendable, Hashable {
    public static let fileName = ".gitleaksignore"

    public struct Entry: Sendable, Hashable {
        public let commit: String?
        public let file: String
        public let rule: String
        public let line: Int
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Every line read; one that is not a fingerprint is an error at its line.
    public static func parse(_ text: String, file: String) throws -> GitleaksIgnore {
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let entry = entry(line) else {
                throw DiagnosticError(at: SourceLocation(file: file, line: number + 1, column: 1),
                                      "not a gitleaks fingerprint (file:rule-id:line or commit:file:rule-id:line)")
            }
            entries.append(entry)
        }
        return GitleaksIgnore(entries: entries)
    }

    /// Read from the right: a file name may hold ':' itself.
    static func entry(_ line: String) -> Entry? {
        var parts = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let number = Int(parts.removeLast()), number >= 0 else { return nil }
        let rule = parts.removeLast()
        guard !rule.isEmpty else { return nil }
        var commit: String?
        if parts.count >= 2, parts[0].count == 40, parts[0].allSatisfy(\.isHexDigit) {
            commit = parts.removeFirst().lowercased()
        }
        let file = parts.joined(separator: ":")
        guard !file.isEmpty else { return nil }
        return Entry(commit: commit, file: file, rule: rule, line: number)
    }

    /// `.gitleaksignore` in `directory`, or nil when there is none.
    public static func load(in directory: String) throws -> GitleaksIgnore? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "cannot read as UTF-8 text")
        }
        return try parse(text, file: path)
    }
}
