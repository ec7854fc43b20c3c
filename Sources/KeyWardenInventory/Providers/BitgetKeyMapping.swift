import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Bitget `GET /api/v2/spot/account/info` `data` -> KeyRecord for the calling key.
/// `authorities` are codes whose last letter says read (`r`) or write (`w`); `wwow` is withdraw.
public enum BitgetKeyMapping {
    static func permission(_ code: String) -> Permission? {
        switch code {
        case "readonly", "read": return .read
        case "trade": return .trade
        case "withdraw", "wwow": return .withdraw
        case "transfer": return .transfer
        default: break
        }
        if code.hasSuffix("r") { return .read }
        if code.hasSuffix("w") { return code.hasPrefix("w") ? .transfer : .trade }
        return nil
    }

    public static func callingKey(_ data: JSONCursor, keyId: String, account: String) throws(MalformedResponse) -> KeyRecord {
        let raw = try data.field("authorities").stringList()
        let ipField = data.optional("ips")
        let ips: [String]
        if case .array = ipField?.value { ips = try ipField?.stringList() ?? [] } else { ips = CommaList.split(try ipField?.string() ?? "") }
        return KeyRecord(provider: .bitget, account: account, keyId: keyId, permissions: Set(raw.compactMap(permission)),
                         rawPermissions: raw, ips: ips)
    }
}
