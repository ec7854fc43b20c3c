/// Just enough DER to walk the outer structure of a private key: tag, length, contents.
struct DERReader {
    struct Element {
        let tag: UInt8
        let contents: ArraySlice<UInt8>
    }

    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
        offset = 0
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// The next element, or nil when its header or declared length runs past the data (truncated).
    mutating func next() -> Element? {
        guard offset + 2 <= bytes.count else { return nil }
        let tag = bytes[offset]
        var length = Int(bytes[offset + 1])
        var cursor = offset + 2
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count >= 1, count <= 4, cursor + count <= bytes.count else { return nil }
            length = 0
            for byte in bytes[cursor..<(cursor + count)] { length = length << 8 | Int(byte) }
            cursor += count
        }
        guard cursor + length <= bytes.count else { return nil }
        offset = cursor + length
        return Element(tag: tag, contents: bytes[cursor..<(cursor + length)])
    }
}
