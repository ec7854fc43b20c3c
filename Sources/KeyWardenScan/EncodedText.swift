#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KeyWardenMatching

/// Finds base64 and percent-encoded runs in a buffer and decodes those that decode to text, so
/// a secret stored encoded (a Kubernetes Secret's `data:`, a URL-encoded config value) is
/// scanned like any other. Bounded: runs up to `maximumRunLength` bytes, at most
/// `maximumDecodedBytes` decoded per buffer; binary results are dropped as soon as they show.
enum EncodedText {
    struct Span {
        /// The encoded run in the scanned buffer.
        let range: Range<Int>
        let encoding: String
        let decoded: [UInt8]
    }

    static let minimumBase64Length = 12
    static let maximumRunLength = 64 * 1024
    static let maximumDecodedBytes = 1 << 20

    private static let base64Values: [Int8] = {
        var values = [Int8](repeating: -1, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            values[Int(character)] = Int8(index)
        }
        return values
    }()

    /// Bytes that end a percent-encoded run: whitespace, quotes, angle brackets, backtick.
    private static let percentStops: [Bool] = {
        var stops = [Bool](repeating: false, count: 256)
        for byte in Array(" \t\r\n\"'<>`".utf8) { stops[Int(byte)] = true }
        return stops
    }()

    /// Every byte of every scanned file passes through here, so this is written for speed: the
    /// tables are read through unsafe buffers taken once per call (a `static let` read per byte
    /// costs a `swift_once` check), base64 runs are found 64 bytes at a time (`ByteRuns`), and
    /// percent escapes with memchr.
    static func spans(in buffer: UnsafeRawBufferPointer) -> [Span] {
        base64Values.withUnsafeBufferPointer { values in
            percentStops.withUnsafeBufferPointer { stops in
                var budget = maximumDecodedBytes
                let found = base64Spans(in: buffer, values: values, budget: &budget)
                    + percentSpans(in: buffer, stops: stops, budget: &budget)
                // A percent run may overlap a base64 run; keep the one that starts first.
                var kept: [Span] = []
                for span in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
                where !(kept.last.map { $0.range.overlaps(span.range) } ?? false) {
                    kept.append(span)
                }
                return kept
            }
        }
    }

    private static func base64Spans(in buffer: UnsafeRawBufferPointer, values: UnsafeBufferPointer<Int8>,
                                    budget: inout Int) -> [Span] {
        var spans: [Span] = []
        let count = buffer.count
        // A byte that would make the run part of a longer token (identifiers, base64url, paths).
        func isTokenByte(_ byte: UInt8) -> Bool {
            values[Int(byte)] >= 0 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        func isWordByte(_ byte: UInt8) -> Bool { isTokenByte(byte) || byte == UInt8(ascii: "=") }
        // Maximal runs, so the byte before one is never base64; a run shorter than the minimum
        // is not a candidate even with padding after it (seven or eight decoded bytes hold no
        // secret worth the search).
        for run in ByteRuns.find(in: buffer, of: .base64, atLeast: minimumBase64Length) {
            guard budget > 0 else { break }
            let (start, end) = (run.lowerBound, run.upperBound)
            var padded = end
            while padded < count, padded - end < 2, buffer[padded] == UInt8(ascii: "=") { padded += 1 }
            let length = padded - start
            if length % 4 == 0, length <= maximumRunLength,
               padded == count || !isWordByte(buffer[padded]), start == 0 || !isTokenByte(buffer[start - 1]),
               let decoded = decodeBase64Text(buffer, start..<padded) {
                budget -= decoded.count
                spans.append(Span(range: start..<padded, encoding: "base64", decoded: decoded))
            }
        }
        return spans
    }

    private static func percentSpans(in buffer: UnsafeRawBufferPointer, stops: UnsafeBufferPointer<Bool>,
                                     budget: inout Int) -> [Span] {
        guard let base = buffer.baseAddress else { return [] }
        var spans: [Span] = []
        let count = buffer.count
        var index = 0
        while index < count, budget > 0, let hit = memchr(base + index, Int32(UInt8(ascii: "%")), count - index) {
            index = base.distance(to: UnsafeRawPointer(hit))
            guard index + 2 < count, isHex(buffer[index + 1]), isHex(buffer[index + 2]) else {
                index += 1
                continue
            }
            var start = index
            while start > 0, !stops[Int(buffer[start - 1])], index - start < maximumRunLength { start -= 1 }
            var end = index
            while end < count, !stops[Int(buffer[end])], end - start < maximumRunLength { end += 1 }
            if let decoded = decodePercentText(buffer, start..<end) {
                budget -= decoded.count
                spans.append(Span(range: start..<end, encoding: "percent", decoded: decoded))
            }
            index = max(end, index + 1)
        }
        return spans
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    private static func isText(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Standard padded base64 decoded, or nil as soon as a byte is not printable text.
    static func decodeBase64Text(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> [UInt8]? {
        // Most candidates are identifiers whose "decoding" is binary within the first bytes:
        // reject those before allocating anything.
        guard startsAsBase64Text(buffer, range) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(range.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for index in range {
            let value = base64Values[Int(buffer[index])]
            if value < 0 { break } // padding
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                let byte = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                guard isText(byte) else { return nil }
                output.append(byte)
            }
        }
        return output.isEmpty ? nil : output
    }

    /// Whether the first (up to) six decoded bytes are printable text.
    private static func startsAsBase64Text(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var accumulator: UInt32 = 0
        var bits = 0
        for index in range.prefix(8) {
            let value = base64Values[Int(buffer[index])]
            if value < 0 { break }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                guard isText(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))) else { return false }
            }
        }
        return true
    }

    /// `%XX` escapes decoded (other bytes kept), or nil when the result is not printable text.
    static func decodePercentText(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> [UInt8]? {
        var output: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = buffer[index]
            if byte == UInt8(ascii: "%"), index + 2 < range.upperBound, isHex(buffer[index + 1]), isHex(buffer[index + 2]) {
                let decoded = hexValue(buffer[index + 1]) << 4 | hexValue(buffer[index + 2])
                guard isText(decoded) else { return nil }
                output.append(decoded)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8 {
        byte <= 0x39 ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
    }
}
