/// A PEM, PKCS#8, SEC1, PKCS#1 or OpenSSH private-key block whose body decodes to a complete
/// key of a known structure; truncated bodies, random base64 under a private-key label and
/// public keys are rejected (see `PrivateKeyInspector`).
public struct PrivateKeyValidator: SecretValidator {
    public static let name = "private-key"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        PrivateKeyInspector.kind(of: secret) != nil
    }
}
