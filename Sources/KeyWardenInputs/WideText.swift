/// UTF-16 and UTF-32 text (Windows tools, PowerShell and .NET write it), turned into UTF-8 so the
/// matcher sees the characters and not NUL-interleaved bytes. Without a byte order mark the form
/// is recognised only from mostly-ASCII content (NUL bytes exactly where the high bytes of ASCII
/// code units go): secrets are ASCII, and guessing harder would decode binary files.
package enum WideText {
    enum Form: Equatable {
        case utf16(bigEndian: Bool)
        case utf32(bigEndian: Bool)

        var unitLength: Int {
            switch self {
            case .utf16: 2
            case .utf32: 4
            }
        }
    }

    /// The UTF-8 form of `bytes` when they are UTF-16 or UTF-32 text; nil for anything else,
    /// including wide text that does not decode (an unpaired surrogate, a value past U+10FFFF).
    package static func utf8(from bytes: [UInt8]) -> [UInt8]? {
        guard let (form, start) = detect(bytes) else { return nil }
        return decode(bytes, form: form, from: start)
    }

    /// The form and where the text starts (after the byte order mark).
    static func detect(_ bytes: [UInt8]) -> (Form, Int)? {
        // UTF-32LE's mark begins with UTF-16LE's, so it is tested first.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32(bigEndian: false), 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32(bigEndian: true), 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16(bigEndian: false), 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16(bigEndian: true), 2) }
        for form in [Form.utf32(bigEndian: false), .utf32(bigEndian: true), .utf16(bigEndian: false), .utf16(bigEndian: true)]
        where looksLikeASCII(bytes, as: form) {
            return (form, 0)
        }
        return nil
    }

    /// Whether the first 8 KiB read as Latin-1 code units in `form`: a whole number of units, the
    /// high bytes of every unit zero and the low byte a printable character or whitespace.
    static func looksLikeASCII(_ bytes: [UInt8], as form: Form) -> Bool {
        let length = form.unitLength
        guard bytes.count >= 2 * length, bytes.count % length == 0 else { return false }
        let probe = bytes.prefix(FileContent.binaryProbeLength - FileContent.binaryProbeLength % length)
        var index = probe.startIndex
        while index < probe.endIndex {
            let low: UInt8
            switch form {
            case .utf16(bigEndian: false): guard probe[index + 1] == 0 else { return false }; low = probe[index]
            case .utf16(bigEndian: true): guard probe[index] == 0 else { return false }; low = probe[index + 1]
            case .utf32(bigEndian: false):
                guard probe[index + 1] == 0, probe[index + 2] == 0, probe[index + 3] == 0 else { return false }
                low = probe[index]
            case .utf32(bigEndian: true):
                guard probe[index] == 0, probe[index + 1] == 0, probe[index + 2] == 0 else { return false }
                low = probe[index + 3]
            }
            guard (0x20..<0x7F).contains(low) || low >= 0xA0 || low == 0x09 || low == 0x0A || low == 0x0D || low == 0x0C else { return false }
            index += length
        }
        return true
    }

    static func decode(_ bytes: [UInt8], form: Form, from start: Int) -> [UInt8]? {
        let length = form.unitLength
        guard (bytes.count - start) % length == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count - start)
        var index = start
        func unit16(_ at: Int, bigEndian: Bool) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while index < bytes.count {
            var value: UInt32
            switch form {
            case let .utf16(bigEndian):
                value = unit16(index, bigEndian: bigEndian)
                index += 2
                if (0xD800..<0xDC00).contains(value) {
                    guard index < bytes.count else { return nil }
                    let low = unit16(index, bigEndian: bigEndian)
                    guard (0xDC00..<0xE000).contains(low) else { return nil }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    index += 2
                }
            case let .utf32(bigEndian):
                let b = bytes[index..<index + 4].map(UInt32.init)
                value = bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
                index += 4
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }  // lone surrogate or past U+10FFFF
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
        return output
    }
}
