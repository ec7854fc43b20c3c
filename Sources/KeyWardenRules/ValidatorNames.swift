/// The validator names a rule pack may use (`validator: jwt`). Rules are data and know only the
/// names; the matcher holds the implementations (KeyWardenMatching's `SecretValidators`), and a
/// test keeps the two lists equal, so a pack naming a validator the engine lacks fails to load.
public enum ValidatorNames {
    public static let all: [String] = [
        "base58check", "base64-password", "basic-auth", "bip32-private-key", "bip39", "bitcoin-wif", "crc32-base62-suffix",
        "credential-literal", "credential-unquoted", "crypt-hash", "github-checksum", "gitlab-routable-crc", "grafana-sa-checksum",
        "jetbrains-scrambled-password", "jwt", "not-code", "not-expression", "private-key", "putty-private-key", "pypi-macaroon",
        "solana-secret-key",
    ]
}
