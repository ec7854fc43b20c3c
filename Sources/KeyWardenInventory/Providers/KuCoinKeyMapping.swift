import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// KuCoin `GET /api/v1/user/api-key` -> KeyRecord. `permission` is a comma list:
/// General (read), Spot/Margin/Futures/Earn (trade), InnerTransfer (transfer), Transfer (withdraw).
public enum KuCoinKeyMapping {
    static func permission(_ name: String) -> Permission? {
        switch name {
        case "General": .read
        case "InnerTransfer": .transfer
        case "Transfer", "Withdraw": .withdraw
        case "Spot", "Margin", "Futures", "Earn", "LeadtradeFutures", "FlexTransfers": .trade
        default: nil
        }
    }

    public static func key(_ data: JSONCursor, account: String) throws(MalformedResponse) -> KeyRecord {
        let raw = CommaList.split(try data.field("permission").string())
        let subName = try data.optional("subName")?.string()
        return KeyRecord(provider: .kucoin, account: account, subAccount: subName.flatMap { $0.isEmpty ? nil : $0 },
                         keyId: try data.field("apiKey").string(), label: try data.optional("remark")?.string(),
                         permissions: Set(raw.compactMap(permission)), rawPermissions: raw,
                         ips: CommaList.split(try data.optional("ipWhitelist")?.string() ?? ""),
                         created: try data.optional("createdAt")?.epochMilliseconds())
    }
}
