import CByteRuns

/// Finds every region of a buffer where a rule without a literal could match (`Rule.candidates`),
/// so the rule is matched apart from Hyperscan: PCRE2 runs only in the regions found. Each finder
/// must return a superset of its rules' possible matches; the probes below skip ahead by the
/// shortest possible match, so most of a source file is never looked at.
enum CandidateFinder: String, Sendable, CaseIterable {
    /// Twelve or more lowercase words of 3 to 8 letters, each separated from the next by one to
    /// three spaces or tabs or by one line break: a BIP-39 recovery phrase's shape. Found inside
    /// runs of at least 47 bytes of lowercase letters and blanks (twelve 3-letter words).
    case lowercaseWords = "lowercase-words"
    /// Whole words (`[A-Za-z0-9_]` between non-word bytes) of 51 or 52 base58 characters that
    /// start with 5, K, L, c or 9: a private key in wallet import format.
    case base58Word = "base58-word"
    /// Lines with a `field:port:` or `field:*:` start of colon-separated fields (a `.pgpass` line).
    case colonFields = "colon-fields"

    /// The candidate regions in `buffer`, in order.
    func regions(in buffer: UnsafeRawBufferPointer) -> [Range<Int>] {
        switch self {
        case .lowercaseWords:
            ByteRuns.find(in: buffer, of: .lowercaseOrSpace, atLeast: 47).flatMap { Self.phrases(in: buffer, $0) }
        case .base58Word:
            ByteRuns.find(in: buffer, of: .word, atLeast: 51).filter { run in
                run.count <= 52 && "5KLc9".utf8.contains(buffer[run.lowerBound])
                    && run.allSatisfy { ByteClass.base58.contains(buffer[$0]) }
            }
        case .colonFields: Self.colonFieldLines(in: buffer)
        }
    }

    /// The stretches of `run` (lowercase letters and blanks only) made of at least twelve words of
    /// 3-8 letters with valid separators between them. Prose has long lowercase runs (comments,
    /// documentation), but seldom twelve such words in a row: confirming whole runs with the
    /// phrase pattern, whose nested repetition backtracks, cost more than Hyperscan had.
    private static func phrases(in buffer: UnsafeRawBufferPointer, _ run: Range<Int>) -> [Range<Int>] {
        var phrases: [Range<Int>] = []
        var chainStart = -1, words = 0, lastWordEnd = -1
        var index = run.lowerBound
        while index < run.upperBound {
            let tokenStart = index
            if buffer[index] >= UInt8(ascii: "a") {
                while index < run.upperBound, buffer[index] >= UInt8(ascii: "a") { index += 1 }
                let length = index - tokenStart
                if (3...8).contains(length) {
                    if words == 0 { chainStart = tokenStart }
                    words += 1
                    lastWordEnd = index
                } else {
                    if words >= 12 { phrases.append(chainStart..<lastWordEnd) }
                    words = 0
                }
            } else {
                var newlines = 0, blanks = 0, returns = 0, returnBeforeNewline = true
                while index < run.upperBound, buffer[index] < UInt8(ascii: "a") {
                    switch buffer[index] {
                    case 0x0A: newlines += 1
                    case 0x0D:
                        returns += 1
                        returnBeforeNewline = index + 1 < run.upperBound && buffer[index + 1] == 0x0A
                    default: blanks += 1
                    }
                    index += 1
                }
                let joins = newlines == 0 ? returns == 0 && blanks <= 3 : newlines == 1 && returns <= 1 && returnBeforeNewline
                if !joins {
                    if words >= 12 { phrases.append(chainStart..<lastWordEnd) }
                    words = 0
                }
            }
        }
        if words >= 12 { phrases.append(chainStart..<lastWordEnd) }
        return phrases
    }

    /// The lines holding a colon-separated field followed by a port number or `*` and a colon.
    private static func colonFieldLines(in buffer: UnsafeRawBufferPointer) -> [Range<Int>] {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
        var lines: [Range<Int>] = []
        let count = buffer.count
        var index = 0
        // Only colons followed by a digit or `*` can start the port field: the search skips the
        // rest (Go and YAML have a colon every few bytes; memchr stopping at each was 3% of a scan).
        while index < count {
            let colon = kw_find_port_colon(base, count, index)
            guard colon < count else { break }
            index = colon + 1
            guard colon > 0, ByteClass.pgpassField.contains(buffer[colon - 1]) else { continue }
            var next = colon + 1
            if next < count, buffer[next] == UInt8(ascii: "*") {
                next += 1
            } else {
                while next < count, next - colon <= 5, ByteClass.digit.contains(buffer[next]) { next += 1 }
                guard next > colon + 1 else { continue }
            }
            guard next < count, buffer[next] == UInt8(ascii: ":") else { continue }
            var start = colon
            while start > 0, buffer[start - 1] != 0x0A { start -= 1 }
            var end = next
            while end < count, buffer[end] != 0x0A { end += 1 }
            lines.append(start..<end)
            index = end
        }
        return lines
    }
}

/// A set of byte values, as a table indexed by byte.
struct ByteClass: Sendable {
    let table: [Bool]

    init(_ members: some Sequence<UInt8>) {
        var table = [Bool](repeating: false, count: 256)
        for byte in members { table[Int(byte)] = true }
        self.table = table
    }

    func contains(_ byte: UInt8) -> Bool { table[Int(byte)] }

    static let base58 = ByteClass(Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8))
    static let digit = ByteClass(Array("0123456789".utf8))
    static let pgpassField = ByteClass(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._*-".utf8))
}
