import Foundation

/// Base64 of `user:password` as Docker's `config.json` `auths` and HTTP Basic use it: decodes to
/// printable text with a colon separating a non-empty user from a non-empty password.
public struct BasicAuthValidator: SecretValidator {
    public static let name = "basic-auth"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let decoded = Data(base64Encoded: Data(secret)), decoded.count >= 3,
              decoded.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
              let colon = decoded.firstIndex(of: UInt8(ascii: ":"))
        else { return false }
        return colon > decoded.startIndex && colon < decoded.endIndex - 1
    }
}
