import Crypto

/// Bitcoin's base58 alphabet (no 0, O, I or l) and base58check: a payload followed by the first
/// four bytes of its double SHA-256, which is what makes a WIF key or an xprv self-validating.
package enum Base58 {
    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    private static let digitValues: [Int8] = {
        var values = [Int8](repeating: -1, count: 256)
        for (index, character) in alphabet.enumerated() { values[Int(character)] = Int8(index) }
        return values
    }()

    /// Decoded bytes, or nil when a character is outside the alphabet. Quadratic in length,
    /// which is fine for keys (at most ~120 characters) and is why callers bound the input.
    package static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        guard text.count <= 256 else { return nil }
        var bytes: [UInt8] = [] // little-endian big number
        for character in text {
            let value = digitValues[Int(character)]
            guard value >= 0 else { return nil }
            var carry = Int(value)
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        let leadingZeros = text.prefix { $0 == alphabet[0] }.count
        return [UInt8](repeating: 0, count: leadingZeros) + bytes.reversed()
    }

    static func encode(_ data: [UInt8]) -> String {
        var digits: [UInt8] = [] // little-endian base58 digits
        for byte in data {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let leadingZeros = data.prefix { $0 == 0 }.count
        let characters = [UInt8](repeating: alphabet[0], count: leadingZeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: characters, as: UTF8.self)
    }

    /// The payload of a base58check string whose checksum is right, else nil.
    package static func decodeChecked(_ text: some Collection<UInt8>) -> [UInt8]? {
        guard let bytes = decode(text), bytes.count > 4 else { return nil }
        let payload = Array(bytes.dropLast(4))
        return checksum(payload) == Array(bytes.suffix(4)) ? payload : nil
    }

    static func checksum(_ payload: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array(SHA256.hash(data: payload))).prefix(4))
    }

    static func encodeChecked(_ payload: [UInt8]) -> String {
        encode(payload + checksum(payload))
    }
}
