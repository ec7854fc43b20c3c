import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let kucoin = ExchangeDescriptor(
        provider: .kucoin,
        // The comma list in `permission` of /api/v1/user/api-key. KuCoin's "Transfer" sends funds
        // off the exchange (a withdrawal); "InnerTransfer" and "FlexTransfers" move them between
        // the user's own accounts.
        permissions: PermissionTable([
            "General": [.read], "Spot": [.trade], "Margin": [.trade], "Futures": [.trade], "Earn": [.trade],
            "LeadtradeFutures": [.trade], "InnerTransfer": [.transfer], "FlexTransfers": [.transfer],
            "Transfer": [.withdraw], "Withdraw": [.withdraw],
        ]),
        connector: KuCoinConnector.self,
        permissionNotes: ["Transfer": "KuCoin's Transfer permission moves funds without 2FA"])
}
