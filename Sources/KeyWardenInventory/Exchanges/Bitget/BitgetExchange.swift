import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let bitget = ExchangeDescriptor(
        provider: .bitget,
        // `permList` of the v2 key listings, and the `authorities` codes of /api/v2/spot/account/info
        // that are whole words (`wwow` is withdraw).
        permissions: PermissionTable([
            "readonly": [.read], "read": [.read], "spot_trade": [.trade], "margin_trade": [.trade],
            "contract_trade": [.trade], "copytrading_trade": [.trade], "trade": [.trade],
            "transfer": [.transfer], "withdraw": [.withdraw], "wwow": [.withdraw],
        ], unlisted: bitgetUnlisted),
        connector: BitgetConnector.self)

    /// Other `authorities` codes end in `r` (read) or `w` (write); a write code starting with `w`
    /// is the wallet's, which moves funds.
    @Sendable static func bitgetUnlisted(_ code: String) -> Set<Permission> {
        if code.hasSuffix("r") { return [.read] }
        if code.hasSuffix("w") { return code.hasPrefix("w") ? [.transfer] : [.trade] }
        return PermissionTable.byWords(code)
    }
}
