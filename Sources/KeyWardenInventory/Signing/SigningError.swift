import KeyWardenAccounts
import KeyWardenSupport
/// A credential that cannot sign a request. Never carries the secret itself.
public enum SigningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Kraken secrets are base64; this one is not.
    case secretNotBase64(Provider)
    /// Coinbase CDP secrets are P-256 private keys in PEM form.
    case secretNotP256PEM(Provider)
    case missingPassphrase(Provider)

    public var description: String {
        switch self {
        case .secretNotBase64(let provider): "\(provider.displayName) API secret is not valid base64 (copy the private key exactly as shown)"
        case .secretNotP256PEM(let provider):
            "\(provider.displayName) API secret is not an EC (P-256) private key in PEM form (-----BEGIN EC PRIVATE KEY-----)"
        case .missingPassphrase(let provider): "\(provider.displayName) needs a passphrase: set KEYWARDEN_\(provider.rawValue.uppercased())_PASSPHRASE or `passphrase` in the profile"
        }
    }
}
