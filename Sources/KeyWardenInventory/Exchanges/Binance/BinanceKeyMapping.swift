import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Binance `GET /sapi/v1/account/apiRestrictions` -> KeyRecord for the calling key.
public enum BinanceKeyMapping {
    public static func callingKey(_ root: JSONCursor, keyId: String, account: String) throws(MalformedResponse) -> KeyRecord {
        guard case .object(let fields) = root.value else { throw MalformedResponse(path: root.path, "expected an object") }
        let table = ExchangeDescriptor.binance.permissions
        // The table's flags in its order, then any `enable…`/`permits…` flag Binance added since.
        let added = fields.keys.filter { table.permissions(for: $0) == nil && ($0.hasPrefix("enable") || $0.hasPrefix("permits")) }
        var raw: [String] = []
        var permissions: Set<Permission> = []
        for name in table.names + added.sorted() where try root.optional(name)?.flag() == true {
            raw.append(name)
            permissions.formUnion(table.permissions(forReported: name))
        }
        // Binance says whether the key is IP-restricted, not to which addresses.
        let restricted = try root.field("ipRestrict").flag()
        return KeyRecord(provider: .binance, account: account, keyId: keyId, permissions: permissions, rawPermissions: raw,
                         ipsUnlisted: restricted, created: try root.optional("createTime")?.epochMilliseconds(),
                         expires: try root.optional("tradingAuthorityExpirationTime")?.epochMilliseconds())
    }
}
