import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Bybit `GET /v5/user/query-api` and `GET /v5/user/sub-apikeys` entries -> KeyRecord.
/// `permissions` is {group: [names]} (names read through the exchange's table); `readOnly`
/// (0/1 or a bool) overrides them all; `ips` `["*"]` means not bound; `expiredAt` at the epoch
/// means no expiry (Bybit sets it for keys without an IP binding and for every key after the
/// account's password changed); `type` 2 marks a key issued to a connected third-party app.
public enum BybitKeyMapping {
    public static func key(_ entry: JSONCursor, account: String, subAccount: String? = nil, fallbackKeyId: String? = nil) throws(MalformedResponse) -> KeyRecord {
        let readOnly = try entry.field("readOnly").flag()
        var raw: [String] = []
        var permissions: Set<Permission> = [.read]
        if let groups = entry.optional("permissions") {
            guard case .object(let fields) = groups.value else { throw MalformedResponse(path: groups.path, "expected an object") }
            for group in fields.keys.sorted() {
                for name in try groups.field(group).stringList() {
                    raw.append(name)
                    if !readOnly { permissions.formUnion(ExchangeDescriptor.bybit.permissions.permissions(forReported: name)) }
                }
            }
        }
        let ips = try entry.optional("ips")?.stringList().filter { $0 != "*" && !$0.isEmpty } ?? []
        let keyId = try entry.optional("apiKey")?.string() ?? fallbackKeyId
        guard let keyId else { throw MalformedResponse(path: entry.path + ".apiKey", "missing") }
        let expires = try entry.optional("expiredAt")?.iso8601()
        var status = KeyRecord.Status.active
        if let code = try entry.optional("status")?.number(), code == 2 { status = .expired }
        return KeyRecord(provider: .bybit, account: account, subAccount: subAccount, keyId: keyId,
                         label: try entry.optional("note")?.string(), permissions: permissions, rawPermissions: raw, ips: ips,
                         created: try entry.optional("createdAt")?.iso8601(), expires: expires, status: status,
                         thirdParty: try entry.optional("type")?.text() == "2")
    }

    /// `result` of `GET /v5/user/submembers`: sub-account ids and names, plus the next cursor.
    public static func subMembers(_ result: JSONCursor) throws(MalformedResponse) -> (members: [(uid: String, name: String)], next: String) {
        let members = try result.field("subMembers").array().map { member throws(MalformedResponse) in
            (try member.field("uid").text(), try member.optional("username")?.string() ?? "")
        }
        return (members, try result.optional("nextCursor")?.text() ?? "")
    }
}
