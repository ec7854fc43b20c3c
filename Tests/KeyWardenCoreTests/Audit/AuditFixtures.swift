import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport

/// The fixed clock every audit test runs at.
let auditNow = ISO8601Date.parse("2026-11-20T00:00:00Z")!

func date(_ text: String) -> Date { ISO8601Date.parse(text)! }

/// An app on okx/main that declares read and trade, claiming keys labelled with its name.
func appPolicy(_ name: String = "bot", provider: Provider = .okx, account: String = "main", subAccount: String? = nil,
               permissions: Set<Permission> = [.read, .trade], ipNetworks: [String] = [], keyIds: [String] = [],
               requirements: KeyRequirements = .standard) -> AppPolicy {
    AppPolicy(name: name, owner: "desk@example.com", provider: provider, account: account, subAccount: subAccount,
              permissions: permissions, ipNetworks: ipNetworks.map { IPNetwork($0)! }, keyIds: keyIds,
              requirements: requirements, location: SourceLocation(file: "policy.yaml", line: 1, column: 1))
}

/// A healthy key of the app `bot` on okx/main: read and trade, IP-bound, ten days old, used yesterday.
func keyRecord(_ keyId: String = "k1", provider: Provider = .okx, account: String = "main", subAccount: String? = nil,
               label: String? = "bot", permissions: Set<Permission> = [.read, .trade], ips: [String] = ["203.0.113.5"],
               ipsUnlisted: Bool = false, created: Date? = date("2026-11-10T00:00:00Z"), lastUsed: Date? = nil, expires: Date? = nil,
               status: KeyRecord.Status = .active) -> KeyRecord {
    KeyRecord(provider: provider, account: account, subAccount: subAccount, keyId: keyId, label: label, permissions: permissions,
              ips: ips, ipsUnlisted: ipsUnlisted, created: created, lastUsed: lastUsed, expires: expires, status: status)
}

func waiver(_ check: String, target: String, expires: String) -> Waiver {
    Waiver(check: check, target: target, owner: "cto@example.com", reason: "accepted for now", expires: date(expires),
           location: SourceLocation(file: "policy.yaml", line: 40, column: 5))
}

/// The audit context of a policy and keys: one snapshot per provider account.
func auditContext(apps: [AppPolicy] = [appPolicy()], keys: [KeyRecord], waivers: [Waiver] = [],
                  defaults: KeyRequirements = .standard, leaks: [LeakedKeyReference] = [], now: Date = auditNow) -> AuditContext {
    let accounts = Dictionary(grouping: keys) { "\($0.provider.rawValue)/\($0.account)" }
    var inventories = accounts.keys.sorted().map { name in
        let keys = accounts[name]!
        return InventorySnapshotFile(path: "\(name).json", snapshot: InventorySnapshot(
            provider: keys[0].provider, account: keys[0].account, fetchedAt: now, keys: keys))
    }
    // An app's account was inventoried even when it has no keys.
    for app in apps where !inventories.contains(where: { $0.snapshot.provider == app.provider && $0.snapshot.account == app.account }) {
        inventories.append(InventorySnapshotFile(path: "\(app.provider.rawValue)/\(app.account).json", snapshot: InventorySnapshot(
            provider: app.provider, account: app.account, fetchedAt: now, keys: [])))
    }
    return AuditContext(policy: Policy(defaults: defaults, apps: apps, waivers: waivers), inventories: inventories, leaks: leaks, now: now)
}

/// What one check reports.
func findings(of check: some AuditCheck, apps: [AppPolicy] = [appPolicy()], keys: [KeyRecord], defaults: KeyRequirements = .standard,
              leaks: [LeakedKeyReference] = [], waivers: [Waiver] = [], now: Date = auditNow) -> [AuditFinding] {
    check.evaluate(auditContext(apps: apps, keys: keys, waivers: waivers, defaults: defaults, leaks: leaks, now: now))
}

func evidence(_ finding: AuditFinding, _ name: String) -> String? {
    finding.evidence.first { $0.name == name }?.value
}

