import KeyWardenSupport

/// JSR tokens (`jsrp_`, `jsrd_`, `jsrw_`): 40 characters whose last 6 are the CRC-32 of
/// everything before them, prefix included, in base62 (`0-9A-Za-z`). Unlike GitHub's format,
/// the prefix is part of the checksummed text.
public struct SuffixCRC32Base62Validator: SecretValidator {
    public static let name = "crc32-base62-suffix"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard secret.count > 6 else { return false }
        let body = secret[..<(secret.count - 6)]
        return Base62.encode(UInt64(CRC32.checksum(body)), width: 6) == Array(secret[(secret.count - 6)...])
    }
}
