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

    public init(provider: Provider, permissions: PermissionTable, connector: any ExchangeConnector.Type,
                lifecycleRules: [KeyLifecycleRule] = []) {
        self.provider = provider
        self.permissions = permissions
        self.connector = connector
        self.lifecycleRules = lifecycleRules
    }

    /// The name people write ("OKX", "KuCoin").
    public var displayName: String { provider.displayName }
}
