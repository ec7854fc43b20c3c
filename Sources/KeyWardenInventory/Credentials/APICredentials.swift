import KeyWardenAccounts
import KeyWardenSupport
/// The key, secret and (for OKX, KuCoin, Bitget) passphrase that sign requests for one account.
/// Its descriptions never contain the secret or the passphrase, so it is safe in logs and errors.
public struct APICredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let provider: Provider
    /// The public key id (Coinbase: the CDP key name).
    public let apiKey: String
    public let secret: String
    public let passphrase: String?

    public init(provider: Provider, apiKey: String, secret: String, passphrase: String? = nil) {
        self.provider = provider
        self.apiKey = apiKey
        self.secret = secret
        self.passphrase = passphrase
    }

    public var description: String { "\(provider.displayName) key \(apiKey) (secret redacted)" }
    public var debugDescription: String { description }

    /// Every value that must never appear in output, for redaction and for tests.
    public var secretValues: [String] { [secret] + (passphrase.map { [$0] } ?? []) }
}
