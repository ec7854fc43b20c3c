import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let kraken = ExchangeDescriptor(
        provider: .kraken,
        // The `permissions` list of GetApiKeyInfo (UNCONFIRMED spelling; it follows the key settings
        // page, so names the page adds are read by their words).
        permissions: PermissionTable([
            "query-funds": [.read], "query-open-orders": [.read], "query-closed-orders": [.read],
            "query-ledger": [.read], "export-data": [.read], "deposit-funds": [.read],
            "create-orders": [.trade], "cancel-orders": [.trade], "withdraw-funds": [.withdraw],
        ], unlisted: krakenUnlisted),
        connector: KrakenConnector.self,
        expiryMeaning: "the key's valid-until date set on Kraken passes")

    /// Kraken's names say what they do: withdraw and transfer move funds, query/view/export/deposit
    /// and the WebSocket token read, anything else (orders, trades) trades.
    @Sendable static func krakenUnlisted(_ name: String) -> Set<Permission> {
        let lower = name.lowercased()
        if lower.contains("withdraw") { return [.withdraw] }
        if lower.contains("transfer") { return [.transfer] }
        if ["query", "export", "view", "deposit", "websocket"].contains(where: lower.contains) { return [.read] }
        return [.trade]
    }
}
