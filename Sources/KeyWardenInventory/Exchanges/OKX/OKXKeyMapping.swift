import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// OKX key descriptions -> KeyRecord. `perm` is a comma list of `read_only`, `trade`,
/// `withdraw`; `ip` a comma list where `""` means not bound.
public enum OKXKeyMapping {
    static func permissions(_ raw: [String]) -> Set<Permission> {
        raw.reduce(into: []) { $0.formUnion(ExchangeDescriptor.okx.permissions.permissions(forReported: $1)) }
    }

    /// One entry of `GET /api/v5/account/config`: the key making the call (its id is not in the
    /// response, so the caller's own key id is used).
    public static func callingKey(_ entry: JSONCursor, keyId: String, account: String) throws(MalformedResponse) -> KeyRecord {
        let raw = CommaList.split(try entry.field("perm").string())
        return KeyRecord(provider: .okx, account: account, keyId: keyId, label: try entry.optional("label")?.string(),
                         permissions: permissions(raw), rawPermissions: raw, ips: CommaList.split(try entry.field("ip").string()))
    }

    /// `type` "0" is the main account: only it can list sub-accounts and their keys.
    public static func isMainAccount(_ entry: JSONCursor) throws(MalformedResponse) -> Bool {
        try entry.optional("type")?.text() == "0"
    }

    /// `data` of `GET /api/v5/users/subaccount/apikey`: one sub-account's keys.
    public static func subAccountKeys(_ data: JSONCursor, subAccount: String, account: String) throws(MalformedResponse) -> [KeyRecord] {
        try data.array().map { entry throws(MalformedResponse) in
            let raw = CommaList.split(try entry.field("perm").string())
            return KeyRecord(provider: .okx, account: account, subAccount: subAccount, keyId: try entry.field("apiKey").string(),
                             label: try entry.optional("label")?.string(), permissions: permissions(raw), rawPermissions: raw,
                             ips: CommaList.split(try entry.optional("ip")?.string() ?? ""),
                             created: try entry.optional("ts")?.epochMilliseconds())
        }
    }

    /// `data` of `GET /api/v5/users/subaccount/list`: names, and the creation time the next page starts before.
    public static func subAccounts(_ data: JSONCursor) throws(MalformedResponse) -> [(name: String, created: String)] {
        try data.array().map { entry throws(MalformedResponse) in
            (try entry.field("subAcct").string(), try entry.optional("ts")?.text() ?? "")
        }
    }
}
