import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let bybit = ExchangeDescriptor(
        provider: .bybit,
        // The names inside the `permissions` groups of /v5/user/query-api (the group is not needed:
        // each name belongs to one). `readOnly` 1 overrides them all (the key mapping applies it).
        // `ExchangeHistory` is the whole "Exchange" group, which converts coins: a trade.
        permissions: PermissionTable([
            "ReadOnly": [.read], "Order": [.trade], "Position": [.trade], "SpotTrade": [.trade], "OptionsTrade": [.trade],
            "DerivativesTrade": [.trade], "CopyTrading": [.trade], "BlockTrade": [.trade], "Earn": [.trade],
            "ExchangeHistory": [.trade], "NFTQueryProductList": [.read], "Affiliate": [.read],
            "AccountTransfer": [.transfer], "SubMemberTransfer": [.transfer], "SubMemberTransferList": [.transfer],
            "Withdraw": [.withdraw],
        ]),
        connector: BybitConnector.self,
        lifecycleRules: [.unboundKeysEnd(after: 90, "Bybit invalidates keys without an IP binding after 90 days")],
        // `expiredAt` is set for keys without an IP binding and, after the account's password
        // changed, for every key.
        expiryMeaning: "Bybit expires the key (keys without an IP binding, and every key after a password change)")
}
