import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Binance `GET /sapi/v1/account/apiRestrictions` -> KeyRecord for the calling key.
public enum BinanceKeyMapping {
    /// Binance reports whether the key is IP-restricted, but not to which addresses; this marker
    /// stands for "bound, list not reported", so an audit neither treats the key as unbound nor
    /// invents addresses.
    public static let unlistedIPRestriction = "restricted (list not reported by Binance)"

    static let flags: [(name: String, permission: Permission)] = [
        ("enableReading", .read),
        ("enableSpotAndMarginTrading", .trade),
        ("enableMargin", .trade),
        ("enableFutures", .trade),
        ("enableVanillaOptions", .trade),
        ("enablePortfolioMarginTrading", .trade),
        ("enableFixApiTrade", .trade),
        ("enableWithdrawals", .withdraw),
        ("enableInternalTransfer", .transfer),
        ("permitsUniversalTransfer", .transfer),
    ]

    public static func callingKey(_ root: JSONCursor, keyId: String, account: String) throws(MalformedResponse) -> KeyRecord {
        guard case .object = root.value else { throw MalformedResponse(path: root.path, "expected an object") }
        var raw: [String] = []
        var permissions: Set<Permission> = []
        for flag in flags where try root.optional(flag.name)?.flag() == true {
            raw.append(flag.name)
            permissions.insert(flag.permission)
        }
        let restricted = try root.field("ipRestrict").flag()
        return KeyRecord(provider: .binance, account: account, keyId: keyId, permissions: permissions, rawPermissions: raw,
                         ips: restricted ? [unlistedIPRestriction] : [], created: try root.optional("createTime")?.epochMilliseconds(),
                         expires: try root.optional("tradingAuthorityExpirationTime")?.epochMilliseconds())
    }
}
