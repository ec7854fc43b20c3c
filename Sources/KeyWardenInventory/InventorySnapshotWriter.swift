import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Encodes a snapshot as stable JSON: sorted keys, ISO 8601 dates, keys in a fixed order, so
/// the same account state gives the same bytes and the snapshot loader reads it back.
public enum InventorySnapshotWriter {
    public static func encode(_ snapshot: InventorySnapshot) throws -> Data {
        let keys = snapshot.keys.sorted { ($0.subAccount ?? "", $0.keyId) < ($1.subAccount ?? "", $1.keyId) }
        let stable = StableSnapshot(provider: snapshot.provider, account: snapshot.account, fetchedAt: snapshot.fetchedAt,
                                    keys: keys.map(StableKeyRecord.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(stable)
        data.append(0x0A)
        return data
    }

    /// Writes atomically: a failed write never leaves half a snapshot behind.
    public static func write(_ snapshot: InventorySnapshot, to path: String) throws {
        try OutputFile.write(encode(snapshot), to: path)
    }
}

/// InventorySnapshot with the same field names, whose keys encode their permission set in
/// sorted order (a Set encodes in per-process hash order, which would change the bytes run to run).
private struct StableSnapshot: Encodable {
    let provider: Provider
    let account: String
    let fetchedAt: Date
    let keys: [StableKeyRecord]
}

/// KeyRecord's fields under KeyRecord's names, with permissions and IPs sorted.
private struct StableKeyRecord: Encodable {
    let provider: Provider
    let account: String
    let subAccount: String?
    let keyId: String
    let label: String?
    let permissions: [Permission]
    let rawPermissions: [String]
    let ips: [String]
    let created: Date?
    let lastUsed: Date?
    let expires: Date?
    let status: KeyRecord.Status

    init(_ key: KeyRecord) {
        provider = key.provider
        account = key.account
        subAccount = key.subAccount
        keyId = key.keyId
        label = key.label
        permissions = key.sortedPermissions
        rawPermissions = key.rawPermissions
        ips = key.ips.sorted()
        created = key.created
        lastUsed = key.lastUsed
        expires = key.expires
        status = key.status
    }
}
