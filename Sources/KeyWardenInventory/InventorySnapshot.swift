import Foundation
import KeyWardenAccounts

/// The keys of one provider account at one moment: what `keywarden inventory fetch` writes and
/// `keywarden audit --inventory` reads (JSON or YAML).
///
/// ```json
/// {"provider": "okx", "account": "main", "fetchedAt": "2026-11-20T08:00:00Z",
///  "keys": [{"keyId": "…", "permissions": ["read", "trade"], "ips": ["203.0.113.7"], …}]}
/// ```
public struct InventorySnapshot: Sendable, Hashable, Codable {
    public var provider: Provider
    public var account: String
    public var fetchedAt: Date
    public var keys: [KeyRecord]

    public init(provider: Provider, account: String, fetchedAt: Date, keys: [KeyRecord]) {
        self.provider = provider
        self.account = account
        self.fetchedAt = fetchedAt
        self.keys = keys
    }
}
