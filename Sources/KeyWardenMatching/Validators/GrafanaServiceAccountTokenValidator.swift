import KeyWardenSupport

/// Grafana service-account tokens: `glsa_<32 alphanumerics>_<8 hex>`, the hex being the CRC-32
/// of everything before the last `_`, written as its four bytes little-endian.
public struct GrafanaServiceAccountTokenValidator: SecretValidator {
    public static let name = "grafana-sa-checksum"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let separator = secret.lastIndex(of: UInt8(ascii: "_")), secret.count - separator == 9 else { return false }
        let crc = CRC32.checksum(secret[..<separator])
        let littleEndian = (0..<4).map { UInt8((crc >> (8 * $0)) & 0xFF) }
        return Array(secret[(separator + 1)...]).map { $0 | 0x20 } == Array(littleEndian.hexString.utf8)
    }
}
