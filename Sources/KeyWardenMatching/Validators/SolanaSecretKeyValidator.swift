import KeyWardenSupport
/// A Solana keypair secret: 64 bytes (32-byte seed, then the public key), written either as the
/// JSON array `solana-keygen` saves (`[12,201,…]`, 64 numbers 0-255) or as 88-character base58.
/// Arrays of small or repeated numbers (lookup tables, 0…63 permutations) are rejected.
public struct SolanaSecretKeyValidator: SecretValidator {
    public static let name = "solana-secret-key"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        let bytes: [UInt8]
        if secret.first == UInt8(ascii: "[") {
            guard let numbers = Self.numbers(inArray: secret) else { return false }
            bytes = numbers
        } else {
            guard let decoded = Base58.decode(secret) else { return false }
            bytes = decoded
        }
        guard bytes.count == 64 else { return false }
        // 64 random bytes take ~50 distinct values and exceed 63 often; tables rarely do both.
        return Set(bytes).count >= 32 && bytes.contains { $0 > 63 }
    }

    static func numbers(inArray text: [UInt8]) -> [UInt8]? {
        var numbers: [UInt8] = []
        var current: Int?
        for byte in text.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
                if current! > 255 { return nil }
            case UInt8(ascii: ","), UInt8(ascii: "]"):
                guard let value = current else { return nil }
                numbers.append(UInt8(value))
                current = nil
                if byte == UInt8(ascii: "]") { return numbers }
            case 0x20, 0x09, 0x0A, 0x0D:
                continue
            default:
                return nil
            }
        }
        return nil
    }
}
