import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// KuCoin `GET /api/v1/user/api-key` -> KeyRecord. `permission` is a comma list of the names in
/// the exchange's table.
public enum KuCoinKeyMapping {
    public static func key(_ data: JSONCursor, account: String) throws(MalformedResponse) -> KeyRecord {
        let raw = CommaList.split(try data.field("permission").string())
        let subName = try data.optional("subName")?.string()
        return KeyRecord(provider: .kucoin, account: account, subAccount: subName.flatMap { $0.isEmpty ? nil : $0 },
                         keyId: try data.field("apiKey").string(), label: try data.optional("remark")?.string(),
                         permissions: raw.reduce(into: []) { $0.formUnion(ExchangeDescriptor.kucoin.permissions.permissions(forReported: $1)) },
                         rawPermissions: raw,
                         ips: CommaList.split(try data.optional("ipWhitelist")?.string() ?? ""),
                         created: try data.optional("createdAt")?.epochMilliseconds())
    }
}
