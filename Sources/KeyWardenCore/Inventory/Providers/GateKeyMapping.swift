import Foundation

/// Gate `GET /api/v4/account/detail` -> KeyRecord for the calling key. Gate reports the
/// calling key's IP whitelist and mode here, not its permissions, so `permissions` stays empty
/// and `rawPermissions` says why.
public enum GateKeyMapping {
    public static let permissionsNotReported = "permissions not reported by /api/v4/account/detail"

    static func permission(_ name: String, readOnly: Bool) -> Permission {
        if readOnly { return .read }
        switch name {
        case "wallet": return .withdraw
        case "account", "sub_account": return .transfer
        default: return .trade
        }
    }

    public static func callingKey(_ root: JSONCursor, keyId: String, account: String) throws(MalformedResponse) -> KeyRecord {
        let ips = try root.field("ip_whitelist").stringList()
        return KeyRecord(provider: .gate, account: account, keyId: keyId, permissions: [], rawPermissions: [permissionsNotReported], ips: ips)
    }

    /// One entry of `GET /api/v4/sub_accounts/{user_id}/keys`: perms [{name, read_only}], state 1 = active.
    public static func subAccountKey(_ entry: JSONCursor, account: String, subAccount: String) throws(MalformedResponse) -> KeyRecord {
        var raw: [String] = []
        var permissions: Set<Permission> = []
        for perm in try entry.field("perms").array() {
            let name = try perm.field("name").string()
            let readOnly = try perm.optional("read_only")?.flag() ?? false
            raw.append(readOnly ? "\(name):read_only" : name)
            permissions.insert(permission(name, readOnly: readOnly))
        }
        let state = try entry.optional("state")?.number()
        return KeyRecord(provider: .gate, account: account, subAccount: subAccount, keyId: try entry.field("key").string(),
                         label: try entry.optional("name")?.string(), permissions: permissions, rawPermissions: raw,
                         ips: try entry.optional("ip_whitelist")?.stringList() ?? [], created: try entry.optional("created_at")?.epochSeconds(),
                         lastUsed: try entry.optional("last_access")?.epochSeconds(), status: state == nil || state == 1 ? .active : .disabled)
    }
}
