/// For values people choose, such as exchange API passphrases: rejects code expressions
/// (`credentials.passphrase`, `signer.encrypt(passphrase)`) but, unlike `not-code`, accepts
/// values without digits, because chosen passphrases are often words.
public struct ChosenSecretValueValidator: SecretValidator {
    public static let name = "not-expression"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool { !CodeShape.isExpression(secret) }
}
