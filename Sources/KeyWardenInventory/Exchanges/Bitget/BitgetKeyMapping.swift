import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Bitget `GET /api/v2/spot/account/info` `data` -> KeyRecord for the calling key.
/// `authorities` are read through the exchange's table (codes ending in `r` read, in `w` write).
public enum BitgetKeyMapping {
    public static func callingKey(_ data: JSONCursor, keyId: String, account: String) throws(MalformedResponse) -> KeyRecord {
        let raw = try data.field("authorities").stringList()
        let ipField = data.optional("ips")
        let ips: [String]
        if case .array = ipField?.value { ips = try ipField?.stringList() ?? [] } else { ips = CommaList.split(try ipField?.string() ?? "") }
        return KeyRecord(provider: .bitget, account: account, keyId: keyId, permissions: raw.reduce(into: []) { $0.formUnion(ExchangeDescriptor.bitget.permissions.permissions(forReported: $1)) },
                         rawPermissions: raw, ips: ips)
    }
}
