import KeyWardenMatching
import KeyWardenRules
/// Scans the decoded form of encoded runs (see `EncodedText`) with the same matcher, placing
/// each decoded value where its encoded text was, with the lines before it, so rules that need
/// a variable name or a provider section (`OKX_API_KEY: <base64>`) still see them. Matches are
/// reported at the encoded run. Decoding nests up to `maximumDepth` levels.
struct EncodedSecretScanner {
    static let maximumDepth = 2
    /// Bytes of context kept before an encoded run, whatever its line count.
    static let maximumContext = 2048
    /// Bytes of the line kept after an encoded run.
    static let maximumTrailingContext = 256

    struct DecodedMatch {
        let ruleIndex: Int
        let secret: [UInt8]
        let entropy: Double
        /// The encoded run in the scanned buffer.
        let encodedRange: Range<Int>
        let encoding: String
    }

    let matcher: Matcher
    let preference: MatchPreference
    /// Rules that do not apply to this item's origin (see `RulePathScopes`).
    var skipping: [Bool]? = nil

    func matches(in buffer: UnsafeRawBufferPointer, depth: Int = 1) throws -> [DecodedMatch] {
        var found: [DecodedMatch] = []
        for span in EncodedText.spans(in: buffer) {
            let contextStart = Self.contextStart(before: span.range.lowerBound, in: buffer)
            // The rest of the line, bounded: a minified line holding many encoded runs would
            // otherwise be rescanned once per run.
            var lineEnd = span.range.upperBound
            let tailLimit = min(buffer.count, span.range.upperBound + Self.maximumTrailingContext)
            while lineEnd < tailLimit, buffer[lineEnd] != 0x0A { lineEnd += 1 }
            var text = Array(UnsafeRawBufferPointer(rebasing: buffer[contextStart..<span.range.lowerBound]))
            let decoded = text.count..<(text.count + span.decoded.count)
            text += span.decoded
            text += UnsafeRawBufferPointer(rebasing: buffer[span.range.upperBound..<lineEnd])
            for match in preference.preferred(try matcher.matches(in: text, skipping: skipping)) where match.secret.overlaps(decoded) {
                found.append(DecodedMatch(ruleIndex: match.ruleIndex, secret: Array(text[match.secret]), entropy: match.entropy,
                                          encodedRange: span.range, encoding: span.encoding))
            }
            if depth < Self.maximumDepth {
                let nested = try span.decoded.withUnsafeBytes { try matches(in: $0, depth: depth + 1) }
                found += nested.map {
                    DecodedMatch(ruleIndex: $0.ruleIndex, secret: $0.secret, entropy: $0.entropy, encodedRange: span.range,
                                 encoding: span.encoding)
                }
            }
        }
        return found
    }

    /// Start of the line `Rule.contextLines` lines above `offset`, at most `maximumContext` bytes back.
    private static func contextStart(before offset: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        var start = offset
        var newlines = 0
        let floor = max(0, offset - maximumContext)
        while start > floor {
            if buffer[start - 1] == 0x0A {
                newlines += 1
                if newlines > Rule.contextLines { break }
            }
            start -= 1
        }
        return start
    }
}
