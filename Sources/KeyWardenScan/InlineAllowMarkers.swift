#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Comments in scanned content that silence a finding: on its own line, or on the line before.
/// Includes the markers users already have from other scanners, so adopting keywarden does not
/// mean re-annotating a codebase.
struct InlineAllowMarkers {
    static let sameLine = ["keywarden:allow", "gitleaks:allow", "pragma: allowlist secret"]
    static let nextLine = ["keywarden:allow-next-line", "pragma: allowlist nextline secret"]

    private let buffer: UnsafeRawBufferPointer
    private let lines: LineIndex
    /// Lines (0-based) holding the word every marker contains, found once per buffer: checking
    /// each finding's line instead was quadratic on long lines with many findings.
    private let linesWithAllow: Set<Int>

    init(buffer: UnsafeRawBufferPointer, lines: LineIndex) {
        self.buffer = buffer
        self.lines = lines
        var found = Set<Int>()
        if let base = buffer.baseAddress {
            // memchr for the first letter, memcmp for the rest: vectorised, unlike a byte loop.
            let word = Array("allow".utf8)
            var offset = 0
            while offset + word.count <= buffer.count, let hit = memchr(base + offset, Int32(word[0]), buffer.count - offset) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                if at + word.count <= buffer.count, memcmp(hit, word, word.count) == 0 { found.insert(lines.lineNumber(at: at)) }
                offset = at + 1
            }
        }
        linesWithAllow = found
    }

    /// The marker that silences a secret, with what it says after itself: a same-line marker on
    /// the line holding the secret's start (or its last line), or a next-line marker on the line
    /// before the start. Nil when no marker applies.
    func marker(secretStart line: Int, secretEnd endLine: Int) -> SuppressionMetadata? {
        guard !linesWithAllow.isEmpty else { return nil }
        for candidate in Set([line, endLine]).sorted() where linesWithAllow.contains(candidate) {
            let content = text(candidate)
            for marker in Self.sameLine {
                // "keywarden:allow-next-line" contains "keywarden:allow": it only counts for the next line.
                if let range = content.ranges(of: marker).first(where: { !content[$0.upperBound...].hasPrefix("-next-line") }) {
                    return SuppressionMetadata.parse(content[range.upperBound...])
                }
            }
        }
        if line > 0, linesWithAllow.contains(line - 1) {
            let previous = text(line - 1)
            for marker in Self.nextLine {
                if let range = previous.range(of: marker) { return SuppressionMetadata.parse(previous[range.upperBound...]) }
            }
        }
        return nil
    }

    /// True when a marker silences the secret.
    func allows(secretStart line: Int, secretEnd endLine: Int) -> Bool {
        marker(secretStart: line, secretEnd: endLine) != nil
    }

    private func text(_ line: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[lines.lineRange(line, in: buffer)]), as: UTF8.self)
    }
}
