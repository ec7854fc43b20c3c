import KeyWardenSupport
/// Any base58check string: the last four decoded bytes are the double SHA-256 of the rest, so a
/// one-character change or an invented value fails.
public struct Base58CheckValidator: SecretValidator {
    public static let name = "base58check"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        Base58.decodeChecked(secret) != nil
    }
}
