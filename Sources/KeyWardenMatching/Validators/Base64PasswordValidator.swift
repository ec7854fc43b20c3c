/// A password a tool stores base64-encoded (FileZilla's `<Pass encoding="base64">`): it must
/// decode, padded or not, to printable text that is not a placeholder, so an encoded
/// `changeme` or an empty field is not reported.
public struct Base64PasswordValidator: SecretValidator {
    public static let name = "base64-password"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let decoded = Base64Text.decode(secret), decoded.count >= 4 else { return false }
        return !PlaceholderFilter.isPlaceholder(String(decoding: decoded, as: UTF8.self))
    }
}
