import Foundation
import KeyWardenSupport

/// GitHub's current token format: a prefix (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`), 30 random
/// base62 characters and 6 base62 characters of CRC-32 over those 30. A typo or an invented
/// token fails the checksum.
public struct GitHubTokenChecksumValidator: SecretValidator {
    public static let name = "github-checksum"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard secret.count == 40 else { return false }
        let body = secret[4..<34]
        let checksum = Array(secret[34..<40])
        return Base62.encode(UInt64(CRC32.checksum(body)), width: 6) == checksum
    }
}
