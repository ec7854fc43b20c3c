import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Kraken `POST /0/private/GetApiKeyInfo` `result` -> KeyRecord. Times are epoch seconds as
/// strings; `validUntil` "0" means no expiry.
public enum KrakenKeyMapping {
    static func permission(_ name: String) -> Permission? {
        let lower = name.lowercased()
        if lower.contains("withdraw") { return .withdraw }
        if lower.contains("transfer") { return .transfer }
        if lower.contains("query") || lower.contains("export") || lower.contains("view") || lower.contains("deposit")
            || lower.contains("websocket") { return .read }
        if lower.contains("order") || lower.contains("trade") || lower.contains("modify") || lower.contains("cancel") { return .trade }
        return nil
    }

    public static func key(_ result: JSONCursor, account: String, now: Date) throws(MalformedResponse) -> KeyRecord {
        let raw = try result.field("permissions").stringList()
        let expires = try result.optional("validUntil")?.epochSeconds()
        return KeyRecord(provider: .kraken, account: account, keyId: try result.field("apiKey").string(),
                         label: try result.optional("apiKeyName")?.string(), permissions: Set(raw.compactMap(permission)),
                         rawPermissions: raw, ips: try result.optional("ipAllowlist")?.stringList() ?? [],
                         created: try result.optional("createdTime")?.epochSeconds(), lastUsed: try result.optional("lastUsed")?.epochSeconds(),
                         expires: expires, status: expires.map { $0 < now ? .expired : .active } ?? .active)
    }
}
