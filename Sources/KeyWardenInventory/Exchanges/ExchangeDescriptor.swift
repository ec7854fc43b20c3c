import KeyWardenAccounts

/// Everything keywarden knows about one exchange, declared in the exchange's own folder
/// (`Exchanges/<Name>/`, beside its connector, signer and key mapping). Shared code asks the
/// registry (`Exchanges`) instead of switching over providers, so adding an exchange is a folder
/// and one registry line.
public struct ExchangeDescriptor: Sendable {
    public let provider: Provider
    /// The exchange's permission names: what the policy linter accepts, what snapshots may list
    /// and how the live key mapping reads what the API reports.
    public let permissions: PermissionTable
    /// Reads the account's keys (and signs its requests with the exchange's signer).
    public let connector: any ExchangeConnector.Type
    /// What the exchange does to keys on its own (deletes, expires, drops trading).
    public let lifecycleRules: [KeyLifecycleRule]
    /// What the key's reported expiry (`KeyRecord.expires`) means at this exchange, in words.
    public let expiryMeaning: String
    /// What a permission (by the exchange's own name) lets a key do beyond its normalised name,
    /// for least-privilege evidence ("moves funds without 2FA").
    public let permissionNotes: [String: String]
    /// Where the exchange lets an API withdrawal go; `previouslyUsed` narrows what a leaked key
    /// with withdraw can do (least-privilege reports it high instead of critical).
    public let withdrawalDestinations: WithdrawalDestinations
    /// The funds a key's permissions act on, when a key is scoped to a part of the account
    /// (a Coinbase portfolio): keys of two apps on the same scope share those funds.
    public let keyScope: (@Sendable (KeyRecord) -> String?)?

    public enum WithdrawalDestinations: Sendable {
        /// Any address the key's request names (subject to the account's own whitelist).
        case any
        /// Only addresses the account holder withdrew to by hand before; the text says so.
        case previouslyUsed(String)
    }

    public init(provider: Provider, permissions: PermissionTable, connector: any ExchangeConnector.Type,
                lifecycleRules: [KeyLifecycleRule] = [], expiryMeaning: String = "the provider expires the key",
                permissionNotes: [String: String] = [:], withdrawalDestinations: WithdrawalDestinations = .any,
                keyScope: (@Sendable (KeyRecord) -> String?)? = nil) {
        self.provider = provider
        self.permissions = permissions
        self.connector = connector
        self.lifecycleRules = lifecycleRules
        self.expiryMeaning = expiryMeaning
        self.permissionNotes = permissionNotes
        self.withdrawalDestinations = withdrawalDestinations
        self.keyScope = keyScope
    }

    /// The name people write ("OKX", "KuCoin").
    public var displayName: String { provider.displayName }
}
