import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Kraken `POST /0/private/GetApiKeyInfo` `result` -> KeyRecord. Times are epoch seconds as
/// strings; `validUntil` "0" means no expiry.
public enum KrakenKeyMapping {
    public static func key(_ result: JSONCursor, account: String, now: Date) throws(MalformedResponse) -> KeyRecord {
        let raw = try result.field("permissions").stringList()
        let expires = try result.optional("validUntil")?.epochSeconds()
        return KeyRecord(provider: .kraken, account: account, keyId: try result.field("apiKey").string(),
                         label: try result.optional("apiKeyName")?.string(), permissions: raw.reduce(into: []) { $0.formUnion(ExchangeDescriptor.kraken.permissions.permissions(forReported: $1)) },
                         rawPermissions: raw, ips: try result.optional("ipAllowlist")?.stringList() ?? [],
                         created: try result.optional("createdTime")?.epochSeconds(), lastUsed: try result.optional("lastUsed")?.epochSeconds(),
                         expires: expires, status: expires.map { $0 < now ? .expired : .active } ?? .active)
    }
}
