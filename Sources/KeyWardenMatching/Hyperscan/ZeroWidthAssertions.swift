/// Lookaround assertions in a regular expression, as far as the width of its matches goes.
///
/// Hyperscan compiles a pattern with lookaround only as a prefilter, and a prefilter's width is
/// often unbounded (`x{16,128}(?:"|[ \t]*$)` with a lookbehind elsewhere reports no maximum).
/// Confirmation then starts 16 KiB before every Hyperscan end, and a pattern with a bounded
/// prefix (`[a-z0-9_.-]{0,40}` before a keyword) costs PCRE2 that much on every hit. A
/// lookaround matches no characters, so the pattern without them has the same maximum width,
/// and Hyperscan can measure that one exactly.
enum ZeroWidthAssertions {
    /// `pattern` with every `(?=…)`, `(?!…)`, `(?<=…)` and `(?<!…)` group removed; nil when the
    /// pattern is too unusual to rewrite safely (`\Q…\E` quoting, unbalanced groups).
    static func removed(from pattern: String) -> String? {
        let bytes = Array(pattern.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "Q") else { return nil }
                kept += bytes[index...index + 1]
                index += 2
            case UInt8(ascii: "["):
                guard let end = classEnd(bytes, from: index) else { return nil }
                kept += bytes[index..<end]
                index = end
            case UInt8(ascii: "(") where isLookaround(bytes, at: index):
                guard let end = groupEnd(bytes, from: index) else { return nil }
                index = end
            default:
                kept.append(byte)
                index += 1
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    private static func isLookaround(_ bytes: [UInt8], at index: Int) -> Bool {
        let opening = bytes[index..<min(bytes.count, index + 4)]
        return [Array("(?=".utf8), Array("(?!".utf8), Array("(?<=".utf8), Array("(?<!".utf8)].contains { opening.starts(with: $0) }
    }

    /// The index after the `]` closing the class that opens at `start`.
    private static func classEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
        // A `]` first in the class is a literal.
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "]"): return index + 1
            case UInt8(ascii: "[") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ":"):
                // A POSIX class such as [:alpha:] inside the class.
                guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
                index = close + 1
            default: index += 1
            }
        }
        return nil
    }

    /// The index after the `)` closing the group that opens at `start`.
    private static func groupEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                guard let end = classEnd(bytes, from: index) else { return nil }
                index = end
                continue
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return nil
    }
}
