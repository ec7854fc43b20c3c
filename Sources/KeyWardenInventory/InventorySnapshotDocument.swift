import Foundation
import KeyWardenAccounts

/// A snapshot file's document, field for field: what `keywarden inventory fetch` writes and what
/// `InventorySnapshotFile` reads (the reader walks the YAML tree itself for file:line:column
/// errors, but takes its field names from here, so the two cannot drift apart).
///
/// Written with sorted keys, ISO 8601 dates, keys in a fixed order and sets sorted, so the same
/// account state gives the same bytes.
struct InventorySnapshotDocument: Codable {
    struct Key: Codable {
        var provider: Provider?
        var account: String?
        var subAccount: String?
        var keyId: String
        var label: String?
        /// Optional when reading: derived from `rawPermissions` through the exchange's table.
        var permissions: [Permission]?
        var rawPermissions: [String]?
        var ips: [String]?
        /// Written only when true: the provider says the key is bound without listing addresses.
        var ipsUnlisted: Bool?
        var created: Date?
        var lastUsed: Date?
        var expires: Date?
        var status: KeyRecord.Status?
        /// Written only when true: a third-party app's key (Bybit `type` 2).
        var thirdParty: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case provider, account, subAccount, keyId, label, permissions, rawPermissions, ips, ipsUnlisted, created, lastUsed,
                 expires, status, thirdParty
        }

        static let required: Set<CodingKeys> = [.keyId]

        init(_ key: KeyRecord) {
            provider = key.provider
            account = key.account
            subAccount = key.subAccount
            keyId = key.keyId
            label = key.label
            permissions = key.sortedPermissions
            rawPermissions = key.rawPermissions
            ips = key.ips.sorted()
            ipsUnlisted = key.ipsUnlisted ? true : nil
            created = key.created
            lastUsed = key.lastUsed
            expires = key.expires
            status = key.status
            thirdParty = key.thirdParty ? true : nil
        }
    }

    var provider: Provider
    var account: String
    var fetchedAt: Date
    /// Where the snapshot came from, free text (read and ignored).
    var source: String?
    var keys: [Key]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case provider, account, fetchedAt, source, keys
    }

    static let required: Set<CodingKeys> = [.provider, .account, .fetchedAt, .keys]

    init(_ snapshot: InventorySnapshot) {
        provider = snapshot.provider
        account = snapshot.account
        fetchedAt = snapshot.fetchedAt
        keys = snapshot.keys.sorted { ($0.subAccount ?? "", $0.keyId) < ($1.subAccount ?? "", $1.keyId) }.map(Key.init)
    }

    /// The document's field names, required and optional, for the located reader.
    static func fieldNames<Name: CodingKey & CaseIterable & Hashable>(_ all: Name.AllCases, required: Set<Name>)
        -> (required: [String], optional: [String]) {
        (all.filter { required.contains($0) }.map(\.stringValue), all.filter { !required.contains($0) }.map(\.stringValue))
    }
}
