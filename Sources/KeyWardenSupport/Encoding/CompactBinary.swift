/// A compact, field-by-field binary form for data a process reads on every start (the parsed
/// rule catalogue in the rule cache): LEB128 integers and length-prefixed UTF-8. Reading it
/// costs a fraction of decoding the same data from JSON, which a pre-commit scan cannot afford.
///
/// The reader is for files that passed a digest check, but it still trusts nothing: every read
/// is bounds-checked and a malformed input throws instead of trapping.
public struct CompactBinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ value: Int) {
        // Zigzag, so small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64(value << 1 ^ value >> (Int.bitWidth - 1)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: Double) { write(Int(Int64(bitPattern: value.bitPattern))) }

    public mutating func write(_ value: String) {
        write(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// A presence byte, then the value.
    public mutating func write<Value>(optional value: Value?, _ writeValue: (inout CompactBinaryWriter, Value) -> Void) {
        write(value != nil)
        if let value { writeValue(&self, value) }
    }
}

public struct CompactBinaryReader {
    public struct Malformed: Error, CustomStringConvertible {
        public let offset: Int
        public init(offset: Int) { self.offset = offset }
        public var description: String { "malformed compact binary data at byte \(offset)" }
    }

    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func readInt() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(value & 1))
    }

    /// A count or length: never negative, never more than the bytes left could hold.
    public mutating func readCount() throws(Malformed) -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed(offset: offset) }
        return count
    }

    public mutating func readBool() throws(Malformed) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed(offset: offset) }
        offset += 1
        return bytes[offset - 1] == 1
    }

    public mutating func readDouble() throws(Malformed) -> Double {
        Double(bitPattern: UInt64(bitPattern: Int64(try readInt())))
    }

    public mutating func readString() throws(Malformed) -> String {
        let length = try readCount()
        defer { offset += length }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
        }
    }

    public mutating func readStrings() throws(Malformed) -> [String] {
        let count = try readCount()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readString()) }
        return values
    }

    public mutating func readOptional<Value>(_ readValue: (inout CompactBinaryReader) throws(Malformed) -> Value)
        throws(Malformed) -> Value? {
        try readBool() ? try readValue(&self) : nil
    }

    /// A raw-value enum case, written as its raw value.
    public mutating func readCase<Value: RawRepresentable>(_: Value.Type) throws(Malformed) -> Value where Value.RawValue == String {
        let start = offset
        guard let value = Value(rawValue: try readString()) else { throw Malformed(offset: start) }
        return value
    }
}
