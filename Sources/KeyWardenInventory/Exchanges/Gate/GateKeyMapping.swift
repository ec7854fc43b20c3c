import Foundation
import KeyWardenAccounts

/// Gate `GET /api/v4/account/detail` -> KeyRecord for the calling key. Gate reports the
/// calling key's IP whitelist and mode here, not its permissions, so `permissions` stays empty
/// and `rawPermissions` says why.
public enum GateKeyMapping {
    public static let permissionsNotReported = "permissions not reported by /api/v4/account/detail"

    public static func callingKey(_ root: JSONCursor, keyId: String, account: String) throws(MalformedResponse) -> KeyRecord {
        let ips = try root.field("ip_whitelist").stringList()
        return KeyRecord(provider: .gate, account: account, keyId: keyId, permissions: [], rawPermissions: [permissionsNotReported], ips: ips)
    }
}
