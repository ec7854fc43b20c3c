/// The validator names a rule pack may use (`validator: jwt`). Rules are data and know only the
/// names; the matcher holds the implementations (KeyWardenMatching's `SecretValidators`), and a
/// test keeps the two lists equal, so a pack naming a validator the engine lacks fails to load.
public enum ValidatorNames {
    public static let all: [String] = [
        "base58check", "basic-auth", "bip32-private-key", "bip39", "bitcoin-wif", "crc32-base62-suffix",
        "github-checksum", "gitlab-routable-crc", "grafana-sa-checksum", "jwt", "not-code", "not-expression",
        "private-key", "pypi-macaroon", "solana-secret-key",
    ]
}
