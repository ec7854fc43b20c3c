import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let coinbase = ExchangeDescriptor(
        provider: .coinbase,
        // The booleans of /api/v3/brokerage/key_permissions; "transfer" there sends funds off Coinbase.
        permissions: PermissionTable(["can_view": [.read], "can_trade": [.trade], "can_transfer": [.withdraw]]),
        connector: CoinbaseConnector.self)
}
