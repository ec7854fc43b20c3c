/// Comments in scanned content that silence a finding: on its own line, or on the line before.
/// Includes the markers users already have from other scanners, so adopting keywarden does not
/// mean re-annotating a codebase.
enum InlineAllowMarkers {
    static let sameLine = ["keywarden:allow", "gitleaks:allow", "pragma: allowlist secret"]
    static let nextLine = ["keywarden:allow-next-line", "pragma: allowlist nextline secret"]

    /// True when the line holding the secret's start (or the secret's last line) carries a
    /// same-line marker, or the line before the start carries a next-line marker.
    static func allows(secretStart line: Int, secretEnd endLine: Int, lines: LineIndex, buffer: UnsafeRawBufferPointer) -> Bool {
        func text(_ line: Int) -> String {
            let range = lines.lineRange(line, in: buffer)
            // Every marker contains "allow": a byte search skips the String work on the (often
            // multi-megabyte, minified) lines that have none, which dominated scan time.
            guard containsAllow(UnsafeRawBufferPointer(rebasing: buffer[range])) else { return "" }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
        for candidate in Set([line, endLine]) {
            let content = text(candidate)
            // "keywarden:allow-next-line" contains "keywarden:allow": it only counts for the next line.
            if sameLine.contains(where: { marker in content.ranges(of: marker).contains { !content[$0.upperBound...].hasPrefix("-next-line") } }) {
                return true
            }
        }
        if line > 0 {
            let previous = text(line - 1)
            if nextLine.contains(where: previous.contains) { return true }
        }
        return false
    }

    private static func containsAllow(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let word: [UInt8] = Array("allow".utf8)
        guard bytes.count >= word.count else { return false }
        for index in 0...(bytes.count - word.count) where bytes[index] == word[0] {
            if bytes[index + 1] == word[1], bytes[index + 2] == word[2], bytes[index + 3] == word[3], bytes[index + 4] == word[4] {
                return true
            }
        }
        return false
    }
}
