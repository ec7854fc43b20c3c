import CByteRuns

/// A set of byte values as at most four inclusive ranges: the form `ByteRuns` classifies 64
/// bytes at a time.
public struct ByteRanges: Sendable {
    fileprivate let ranges: kw_byte_ranges

    public init(_ members: [ClosedRange<UInt8>]) {
        precondition(members.count <= 4, "at most four ranges")
        // An unused slot is low > high, which holds no byte.
        let unused = 4 - members.count
        let lows = members.map(\.lowerBound) + Array(repeating: 1, count: unused)
        let highs = members.map(\.upperBound) + Array(repeating: 0, count: unused)
        ranges = kw_byte_ranges(low: (lows[0], lows[1], lows[2], lows[3]), high: (highs[0], highs[1], highs[2], highs[3]))
    }

    public func contains(_ byte: UInt8) -> Bool {
        withUnsafeBytes(of: ranges.low) { low in
            withUnsafeBytes(of: ranges.high) { high in (0..<4).contains { low[$0] <= byte && byte <= high[$0] } }
        }
    }

    /// The standard base64 alphabet (`/` and the digits are one range).
    public static let base64 = ByteRanges([UInt8(ascii: "+")...UInt8(ascii: "+"), UInt8(ascii: "/")...UInt8(ascii: "9"),
                                           UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z")])
    /// Lowercase letters, spaces, tabs and line breaks.
    static let lowercaseOrSpace = ByteRanges([0x09...0x0A, 0x0D...0x0D, 0x20...0x20, UInt8(ascii: "a")...UInt8(ascii: "z")])
    /// `[A-Za-z0-9_]`.
    static let word = ByteRanges([UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                                  UInt8(ascii: "_")...UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z")])
}

/// Long runs of one byte class, found 64 bytes at a time (`kw_find_byte_runs`): the base64 and
/// candidate-region searches look at every byte of every scanned file, and a table read per
/// byte was a sixth of a scan's time.
public enum ByteRuns {
    /// The maximal runs of `members` at least `minimum` long, in order. `batch`: how many runs
    /// the C side writes per call (small in tests, to exercise resuming).
    public static func find(in buffer: UnsafeRawBufferPointer, of members: ByteRanges, atLeast minimum: Int,
                            batch: Int = 256) -> [Range<Int>] {
        guard let base = buffer.baseAddress, buffer.count >= minimum, minimum > 0 else { return [] }
        var found: [Range<Int>] = []
        var output = [kw_byte_run](repeating: kw_byte_run(), count: max(batch, 1))
        var from = 0
        withUnsafePointer(to: members.ranges) { ranges in
            output.withUnsafeMutableBufferPointer { output in
                while from < buffer.count {
                    var next = 0
                    let written = kw_find_byte_runs(base.assumingMemoryBound(to: UInt8.self), buffer.count, from, ranges,
                                                    minimum, output.baseAddress, output.count, &next)
                    for run in output.prefix(written) { found.append(Int(run.start)..<Int(run.end)) }
                    from = next
                }
            }
        }
        return found
    }
}
