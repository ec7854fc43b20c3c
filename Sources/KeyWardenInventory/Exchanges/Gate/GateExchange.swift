import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let gate = ExchangeDescriptor(
        provider: .gate,
        // `perms[].name` of the key settings (snapshots and policies; /api/v4/account/detail does not
        // report them for a live key). Write access to `wallet` moves and withdraws funds.
        permissions: PermissionTable([
            "account": [.read], "spot": [.trade], "margin": [.trade], "futures": [.trade], "delivery": [.trade],
            "options": [.trade], "unified": [.trade], "loan": [.trade], "earn": [.trade],
            "wallet": [.transfer, .withdraw],
        ]),
        connector: GateConnector.self,
        lifecycleRules: [.unboundKeysEnd(after: 90, "Gate invalidates keys without an IP binding after 90 days")],
        withdrawalDestinations: .previouslyUsed("Gate sends API withdrawals only to addresses the account withdrew to by hand before"))
}
