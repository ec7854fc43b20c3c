import KeyWardenSupport
/// Each provider's own permission names and the normalised permissions they grant. The policy
/// linter uses it to reject names a provider does not have; snapshot files use it to derive
/// `permissions` from `rawPermissions` when only the raw names are given.
///
/// Names come from each exchange's key-describing endpoint (reference/exchanges.md §1). Lookup
/// ignores case, because people write `SpotTrade` and `spottrade` alike.
public enum PermissionVocabulary {
    /// The provider's raw permission names, each with what it grants.
    public static func names(for provider: Provider) -> [String: Set<Permission>] {
        switch provider {
        case .okx:
            // `perm` of /api/v5/account/config: a comma list.
            ["read_only": [.read], "trade": [.trade], "withdraw": [.withdraw]]
        case .binance:
            // The boolean fields of /sapi/v1/account/apiRestrictions.
            ["enableReading": [.read], "enableSpotAndMarginTrading": [.trade], "enableMargin": [.trade],
             "enableFutures": [.trade], "enableVanillaOptions": [.trade], "enablePortfolioMarginTrading": [.trade],
             "enableWithdrawals": [.withdraw], "enableInternalTransfer": [.transfer], "permitsUniversalTransfer": [.transfer]]
        case .bybit:
            // The names inside the `permissions` groups of /v5/user/query-api; `readOnly` 1 grants read only.
            ["ReadOnly": [.read], "Order": [.trade], "Position": [.trade], "SpotTrade": [.trade], "OptionsTrade": [.trade],
             "DerivativesTrade": [.trade], "CopyTrading": [.trade], "BlockTrade": [.trade], "Earn": [.trade],
             "ExchangeHistory": [.read], "NFTQueryProductList": [.read], "Affiliate": [.read],
             "AccountTransfer": [.transfer], "SubMemberTransfer": [.transfer], "SubMemberTransferList": [.transfer],
             "Withdraw": [.withdraw]]
        case .kucoin:
            // The comma list in `permission` of /api/v1/user/api-key; KuCoin's "Transfer" is withdrawal.
            ["General": [.read], "Spot": [.trade], "Margin": [.trade], "Futures": [.trade], "Earn": [.trade],
             "InnerTransfer": [.transfer], "Transfer": [.withdraw]]
        case .coinbase:
            // The booleans of /api/v3/brokerage/key_permissions; "transfer" there sends funds off Coinbase.
            ["can_view": [.read], "can_trade": [.trade], "can_transfer": [.withdraw]]
        case .kraken:
            // The `permissions` list of GetApiKeyInfo (UNCONFIRMED spelling; matches the key settings page).
            ["query-funds": [.read], "query-open-orders": [.read], "query-closed-orders": [.read],
             "query-ledger": [.read], "export-data": [.read], "deposit-funds": [.read],
             "create-orders": [.trade], "cancel-orders": [.trade], "withdraw-funds": [.withdraw]]
        case .gate:
            // `perms[].name` of /api/v4/account/detail; write access to `wallet` moves and withdraws funds.
            ["account": [.read], "spot": [.trade], "margin": [.trade], "futures": [.trade], "delivery": [.trade],
             "options": [.trade], "unified": [.trade], "loan": [.trade], "earn": [.trade],
             "wallet": [.transfer, .withdraw]]
        case .bitget:
            // `permList` of the v2 key listings.
            ["readonly": [.read], "spot_trade": [.trade], "margin_trade": [.trade], "contract_trade": [.trade],
             "copytrading_trade": [.trade], "transfer": [.transfer], "withdraw": [.withdraw]]
        }
    }

    /// Every normalised permission some raw name of the provider grants.
    public static func supported(by provider: Provider) -> Set<Permission> {
        names(for: provider).values.reduce(into: Set<Permission>()) { $0.formUnion($1) }
    }

    /// What a raw name grants, or nil when the provider has no such name.
    public static func normalise(_ raw: String, provider: Provider) -> Set<Permission>? {
        let lowered = raw.lowercased()
        return names(for: provider).first { $0.key.lowercased() == lowered }?.value
    }

    /// A name as a policy may write it: a normalised permission the provider supports, or one of
    /// the provider's raw names. Nil when it is neither.
    public static func resolve(_ name: String, provider: Provider) -> Set<Permission>? {
        if let permission = Permission(rawValue: name.lowercased()) {
            return supported(by: provider).contains(permission) ? [permission] : nil
        }
        return normalise(name, provider: provider)
    }

    /// Every name `resolve` accepts for the provider, sorted, for suggestions and messages.
    public static func acceptedNames(for provider: Provider) -> [String] {
        let normalised = supported(by: provider).sorted().map(\.rawValue)
        return normalised + names(for: provider).keys.sorted().filter { !normalised.contains($0.lowercased()) }
    }
}
