import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// A snapshot file on disk: JSON or YAML (JSON is read as YAML, so errors in either carry
/// file:line:column). Keys do not repeat the snapshot's provider and account; dates are ISO 8601.
///
/// ```json
/// {"provider": "okx", "account": "main", "fetchedAt": "2026-11-20T08:00:00Z",
///  "keys": [{"keyId": "…", "label": "grid-bot", "permissions": ["read", "trade"],
///            "rawPermissions": ["read_only", "trade"], "ips": ["203.0.113.7"],
///            "created": "2026-06-01T00:00:00Z", "lastUsed": "2026-11-19T23:10:00Z", "status": "active"}]}
/// ```
/// `permissions` may be left out when `rawPermissions` uses the provider's names
/// (the exchange's `PermissionTable`): they are derived from them.
public struct InventorySnapshotFile: Sendable {
    public let path: String
    public let snapshot: InventorySnapshot
    /// Where each key is declared in the file, by key id: audit findings point there.
    public let keyLocations: [String: SourceLocation]

    /// A snapshot that did not come from a file (a live fetch, a test).
    public init(path: String, snapshot: InventorySnapshot, keyLocations: [String: SourceLocation] = [:]) {
        self.path = path
        self.snapshot = snapshot
        self.keyLocations = keyLocations
    }

    static let topKeys = InventorySnapshotDocument.fieldNames(InventorySnapshotDocument.CodingKeys.allCases,
                                                              required: InventorySnapshotDocument.required)
    static let keyKeys = InventorySnapshotDocument.fieldNames(InventorySnapshotDocument.Key.CodingKeys.allCases,
                                                              required: InventorySnapshotDocument.Key.required)

    public static func load(path: String) throws(InventoryFileError) -> InventorySnapshotFile {
        do {
            return try parse(YAMLDocument.load(path: path))
        } catch let error as DiagnosticError {
            throw InventoryFileError(path: path, diagnostics: error.diagnostics)
        } catch {
            throw InventoryFileError(path: path, diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "\(error)")])
        }
    }

    public static func parse(_ text: String, file: String) throws(InventoryFileError) -> InventorySnapshotFile {
        do {
            return try parse(YAMLDocument.parse(text, file: file))
        } catch let error as DiagnosticError {
            throw InventoryFileError(path: file, diagnostics: error.diagnostics)
        } catch {
            throw InventoryFileError(path: file, diagnostics: [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")])
        }
    }

    static func parse(_ root: YAMLNode) throws -> InventorySnapshotFile {
        let fields = try root.fields(required: topKeys.required, optional: topKeys.optional)
        let provider = try Provider(rawValue: fields.required("provider").oneOf(Provider.allCases.map(\.rawValue)))!
        let account = try fields.required("account").string()
        let fetchedAt = try date(fields.required("fetchedAt"))
        _ = try fields["source"]?.string()
        var keys: [KeyRecord] = []
        var locations: [String: SourceLocation] = [:]
        for node in try fields.required("keys").list() {
            let key = try record(node, provider: provider, account: account)
            if let first = locations[key.keyId] {
                throw node.error("duplicate key id '\(key.keyId)' (first listed at \(first))")
            }
            locations[key.keyId] = node.location
            keys.append(key)
        }
        return InventorySnapshotFile(path: root.file,
                                     snapshot: InventorySnapshot(provider: provider, account: account, fetchedAt: fetchedAt, keys: keys),
                                     keyLocations: locations)
    }

    static func record(_ node: YAMLNode, provider: Provider, account: String) throws -> KeyRecord {
        let fields = try node.fields(required: keyKeys.required, optional: keyKeys.optional)
        if let value = fields["provider"], try value.string() != provider.rawValue {
            throw value.error("key belongs to provider '\(try value.string())' but the snapshot is for '\(provider.rawValue)'")
        }
        if let value = fields["account"], try value.string() != account {
            throw value.error("key belongs to account '\(try value.string())' but the snapshot is for '\(account)'")
        }
        let raw = try fields["rawPermissions"]?.stringList() ?? []
        var permissions = Set<Permission>()
        if let node = fields["permissions"] {
            for item in try node.list() {
                permissions.insert(try Permission(rawValue: item.oneOf(Permission.allCases.map(\.rawValue)))!)
            }
        } else if let node = fields["rawPermissions"] {
            let items = node.isList ? try node.list() : [node]
            for item in items {
                let name = try item.string()
                guard let granted = Exchanges.descriptor(for: provider).permissions.permissions(for: name) else {
                    throw item.error("'\(name)' is not a \(provider.displayName) permission name; give `permissions` explicitly")
                }
                permissions.formUnion(granted)
            }
        } else {
            throw node.error("key needs `permissions` (read, trade, withdraw, transfer) or `rawPermissions`")
        }
        let status = try fields["status"].map { try KeyRecord.Status(rawValue: $0.oneOf(["active", "disabled", "expired", "unknown"]))! } ?? .active
        return KeyRecord(provider: provider, account: account, subAccount: try fields["subAccount"]?.string(),
                         keyId: try fields.required("keyId").string(), label: try fields["label"]?.string(),
                         permissions: permissions, rawPermissions: raw, ips: try fields["ips"]?.stringList() ?? [],
                         ipsUnlisted: try fields["ipsUnlisted"]?.bool() ?? false,
                         created: try fields["created"].map(date), lastUsed: try fields["lastUsed"].map(date),
                         expires: try fields["expires"].map(date), status: status,
                         thirdParty: try fields["thirdParty"]?.bool() ?? false)
    }

    static func date(_ node: YAMLNode) throws -> Date {
        let text = try node.string()
        guard let date = ISO8601Date.parse(text) else { throw node.error("expected an ISO 8601 date, found '\(text)'") }
        return date
    }
}

private extension YAMLNode {
    var isList: Bool { if case .sequence = node { true } else { false } }
}

