/// A structural or checksum test a candidate secret must pass before it is reported, named so
/// rule packs can refer to it (`validator: jwt`).
public protocol SecretValidator: Sendable {
    /// The name rule YAML uses.
    static var name: String { get }
    init()
    func isValid(_ secret: [UInt8]) -> Bool
}

/// The registry of validators rule packs may name.
public enum SecretValidators {
    static let all: [any SecretValidator.Type] = [
        JWTValidator.self,
        GitHubTokenChecksumValidator.self,
        BIP39MnemonicValidator.self,
        Base58CheckValidator.self,
        BitcoinWIFValidator.self,
        BIP32PrivateKeyValidator.self,
        SolanaSecretKeyValidator.self,
        BasicAuthValidator.self,
        Base64PasswordValidator.self,
        JetBrainsScrambledPasswordValidator.self,
        PuTTYPrivateKeyValidator.self,
        CryptHashValidator.self,
        GenericSecretValueValidator.self,
        ChosenSecretValueValidator.self,
        SuffixCRC32Base62Validator.self,
        GitLabRoutableTokenValidator.self,
        GrafanaServiceAccountTokenValidator.self,
        PyPIMacaroonValidator.self,
        PrivateKeyValidator.self,
        CredentialLiteralValidator.self,
        UnquotedCredentialValidator.self,
    ]

    public static var names: [String] { all.map { $0.name }.sorted() }

    public static func named(_ name: String) -> SecretValidator? {
        all.first { $0.name == name }.map { $0.init() }
    }
}
