/// For catch-all rules: rejects values that are code rather than secrets. Measured on the real
/// code of the Swift package mirror, where the catch-all's findings were mostly
/// `typealias PrivateKey = P256.Signing.PrivateKey`, `password: self.configuration.password`
/// and `tokenStart = expectedToken.position`:
/// - a value with no digit (identifiers; random 16+ character secrets almost always have one);
/// - a code expression (see `CodeShape`).
public struct GenericSecretValueValidator: SecretValidator {
    public static let name = "not-code"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        secret.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) && !CodeShape.isExpression(secret)
    }
}
