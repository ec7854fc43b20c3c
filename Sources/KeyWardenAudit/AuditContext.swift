import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenPolicy
import KeyWardenSupport

/// Everything the checks look at, with the key-to-app assignment worked out once.
public struct AuditContext: Sendable {
    public let policy: Policy
    public let inventories: [InventorySnapshotFile]
    public let leaks: [LeakedKeyReference]
    public let now: Date
    /// Every key of every snapshot, in a stable order.
    public let keys: [KeyRecord]

    public init(policy: Policy, inventories: [InventorySnapshotFile], leaks: [LeakedKeyReference] = [], now: Date) {
        self.policy = policy
        self.inventories = inventories
        self.leaks = leaks
        self.now = now
        keys = inventories.flatMap(\.snapshot.keys).sorted {
            ($0.provider, $0.account, $0.subAccount ?? "", $0.keyId) < ($1.provider, $1.account, $1.subAccount ?? "", $1.keyId)
        }
    }

    /// Keys that can still be used: active, or of unknown status (assume the worst).
    public var liveKeys: [KeyRecord] { keys.filter(\.isLive) }

    /// The apps that declare the key, by name.
    public func apps(claiming key: KeyRecord) -> [AppPolicy] {
        policy.apps.filter { $0.claims(key) }.sorted { $0.name < $1.name }
    }

    /// The app's live keys.
    public func liveKeys(of app: AppPolicy) -> [KeyRecord] { liveKeys.filter { app.claims($0) } }

    /// The requirements a key must meet: its app's, or the policy defaults for an unmanaged key.
    public func requirements(for key: KeyRecord) -> KeyRequirements {
        apps(claiming: key).first?.requirements ?? policy.defaults
    }

    /// True when a snapshot of the provider account was given.
    public func hasInventory(provider: Provider, account: String) -> Bool {
        inventories.contains { $0.snapshot.provider == provider && $0.snapshot.account == account }
    }

    /// Where to point for a key: its app's declaration, else its entry in the snapshot.
    public func location(of key: KeyRecord) -> SourceLocation? {
        if let app = apps(claiming: key).first { return app.location }
        return inventoryLocation(of: key)
    }

    public func inventoryLocation(of key: KeyRecord) -> SourceLocation? {
        inventories.first { $0.snapshot.provider == key.provider && $0.snapshot.account == key.account }?.keyLocations[key.keyId]
    }

    /// Whole days from `date` to now (negative when `date` is ahead).
    func daysSince(_ date: Date) -> Int { Int((now.timeIntervalSince(date) / 86_400).rounded(.down)) }
}

extension KeyRecord {
    /// Usable now: active, or of unknown status.
    public var isLive: Bool { status == .active || status == .unknown }

    /// The app name for a finding: the first app that claims the key.
    func appName(in context: AuditContext) -> String? { context.apps(claiming: self).first?.name }
}

extension Date {
    func adding(days: Int) -> Date { addingTimeInterval(Double(days) * 86_400) }
}

extension Set where Element == Permission {
    var listed: String { isEmpty ? "none" : sorted().map(\.rawValue).joined(separator: ", ") }
}
