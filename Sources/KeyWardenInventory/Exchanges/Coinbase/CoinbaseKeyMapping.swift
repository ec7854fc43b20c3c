import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Coinbase `GET /api/v3/brokerage/key_permissions` -> KeyRecord. `can_transfer` lets a key
/// send funds off the exchange, so it maps to withdraw.
public enum CoinbaseKeyMapping {
    public static func callingKey(_ root: JSONCursor, keyName: String, account: String) throws(MalformedResponse) -> KeyRecord {
        var raw: [String] = []
        var permissions: Set<Permission> = []
        let table = ExchangeDescriptor.coinbase.permissions
        for name in table.names where try root.field(name).flag() {
            raw.append(name)
            permissions.formUnion(table.permissions(forReported: name))
        }
        let portfolio = try root.optional("portfolio_uuid")?.string()
        return KeyRecord(provider: .coinbase, account: account, subAccount: portfolio.flatMap { $0.isEmpty ? nil : "portfolio \($0)" },
                         keyId: keyName, permissions: permissions, rawPermissions: raw)
    }
}
