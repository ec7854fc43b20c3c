/// Seeded, deterministic mutations of an input: bit flips, byte edits, chunk copies and splices,
/// and the tokens YAML and JSON parsers trip over. A run is reproducible from its seed; the same
/// sequence serves as a seeded random number generator.
public struct Mutator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", ":", ",", "\"", "'", "- ", "\n", "\n  ", "\t", "\\", "\\u0000", "&a", "*a", "!!binary ",
        "<<: ", "? ", "|", ">", "#", "%YAML 1.1\n", "---\n", "...\n", "null", "true", "1e308", "-1e400", "99999999999999999999",
        "NaN", ".inf", "0x", "\u{FEFF}", "\u{0}", "\u{1B}[2K", "é", "🔑", "(?:", "(a+)+", "[^", "\\p{", "{9999999}",
    ].map { Array($0.utf8) }

    /// One to four mutations of `input`, sometimes spliced with `other`.
    public mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            switch below(8) {
            case 0 where !bytes.isEmpty:
                let i = below(bytes.count)
                bytes[i] ^= UInt8(1 << below(8))
            case 1 where !bytes.isEmpty:
                bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next())
            case 2:
                bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(bytes.count + 1))
            case 3 where !bytes.isEmpty:
                let start = below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
            case 4 where !bytes.isEmpty:
                let start = below(bytes.count)
                let chunk = bytes[start..<min(bytes.count, start + 1 + below(64))]
                bytes.insert(contentsOf: chunk, at: below(bytes.count + 1))
            case 5 where !other.isEmpty:
                let cut = below(bytes.count + 1)
                let from = below(other.count)
                bytes = Array(bytes[..<cut]) + other[from...]
            case 6 where !bytes.isEmpty:
                // Repeat a chunk many times: deep nesting, long lines, big counts.
                let start = below(bytes.count)
                let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(8))])
                bytes.insert(contentsOf: Array(repeating: chunk, count: 1 + below(512)).joined(), at: start)
            default:
                bytes.append(contentsOf: Self.tokens[below(Self.tokens.count)])
            }
        }
        return Array(bytes.prefix(1 << 20))
    }
}
