import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let coinbase = ExchangeDescriptor(
        provider: .coinbase,
        // The booleans of /api/v3/brokerage/key_permissions; "transfer" there sends funds off Coinbase.
        permissions: PermissionTable(["can_view": [.read], "can_trade": [.trade], "can_transfer": [.withdraw]]),
        connector: CoinbaseConnector.self,
        // A CDP key acts on one portfolio (the key mapping records it as the sub-account).
        keyScope: { key in key.subAccount.flatMap { $0.hasPrefix("portfolio ") ? $0 : nil } })
}
