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

    static func spans(in buffer: UnsafeRawBufferPointer) -> [Span] {
        var spans: [Span] = []
        var budget = maximumDecodedBytes
        var index = 0
        let count = buffer.count
        while index < count, budget > 0 {
            let byte = buffer[index]
            if base64Values[Int(byte)] >= 0 {
                var end = index
                while end < count, base64Values[Int(buffer[end])] >= 0 { end += 1 }
                var padded = end
                while padded < count, padded - end < 2, buffer[padded] == UInt8(ascii: "=") { padded += 1 }
                let length = padded - index
                if length >= minimumBase64Length, length % 4 == 0, length <= maximumRunLength,
                   padded == count || !isWordByte(buffer[padded]), index == 0 || !isTokenByte(buffer[index - 1]),
                   let decoded = decodeBase64Text(buffer, index..<padded) {
                    budget -= decoded.count
                    spans.append(Span(range: index..<padded, encoding: "base64", decoded: decoded))
                }
                index = max(padded, index + 1)
                continue
            }
            if byte == UInt8(ascii: "%"), index + 2 < count, isHex(buffer[index + 1]), isHex(buffer[index + 2]) {
                var start = index
                while start > 0, !percentStops[Int(buffer[start - 1])], index - start < maximumRunLength { start -= 1 }
                var end = index
                while end < count, !percentStops[Int(buffer[end])], end - start < maximumRunLength { end += 1 }
                if let decoded = decodePercentText(buffer, start..<end) {
                    budget -= decoded.count
                    spans.append(Span(range: start..<end, encoding: "percent", decoded: decoded))
                }
                index = end
                continue
            }
            index += 1
        }
        // A percent run found after a base64 run may begin inside it; keep the first.
        var kept: [Span] = []
        for span in spans where !(kept.last.map { $0.range.overlaps(span.range) } ?? false) { kept.append(span) }
        return kept
    }

    /// A byte that would make the run part of a longer token (identifiers, base64url, paths).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        base64Values[Int(byte)] >= 0 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        base64Values[Int(byte)] >= 0 || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    private static func isText(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Standard padded base64 decoded, or nil as soon as a byte is not printable text.
    static func decodeBase64Text(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> [UInt8]? {
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
