import KeyWardenSupport

/// GitLab routable tokens (GitLab 17+): `<prefix><base64url payload>.<2 base36: payload
/// length><7 base36: CRC-32 of everything before>`. Legacy tokens (no `.` suffix) carry no
/// checksum and pass; a routable-looking token whose length or CRC does not add up does not.
public struct GitLabRoutableTokenValidator: SecretValidator {
    public static let name = "gitlab-routable-crc"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let dot = secret.lastIndex(of: UInt8(ascii: ".")) else { return true }
        let suffix = Array(secret[(dot + 1)...])
        guard suffix.count == 9, let length = Self.base36(suffix[0..<2]), let crc = Self.base36(suffix[2..<9]) else { return false }
        guard let dash = secret.firstIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }), dash < dot else { return false }
        // The payload may itself start with a `<hex>_` partition (CI build tokens); the length counts the base64 part.
        let payload = secret[(dash + 1)..<dot]
        let partitioned = payload.split(separator: UInt8(ascii: "_"), maxSplits: 1).last.map { UInt64($0.count) }
        let lengthMatches = UInt64(payload.count) == length || partitioned == length
        return lengthMatches && UInt64(CRC32.checksum(secret[..<(secret.count - 7)])) == crc
    }

    private static func base36(_ digits: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for digit in digits {
            let number: UInt64
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number = UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): number = UInt64(digit - UInt8(ascii: "a")) + 10
            default: return nil
            }
            value = value * 36 + number
        }
        return value
    }
}
