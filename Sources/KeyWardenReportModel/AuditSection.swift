import Foundation
import KeyWardenSupport

/// An audit as every report shows it, and as `keywarden audit --format json` saves it:
/// `findings` to act on, `waived` findings with their waiver, the inventories read, the checks
/// run and each key's age. Field names are a contract for CI tooling.
public struct AuditSection: Codable, Sendable {
    public struct FindingRecord: Codable, Sendable {
        public var check: String
        public var severity: Severity
        public var app: String?
        public var provider: String?
        public var account: String?
        public var keyId: String?
        public var message: String
        public var remediation: String
        /// By name: saved as a JSON object (names are unique per finding), so a report read back
        /// lists them as the live one did.
        public var evidence: [Evidence]
        public var path: String?
        public var line: Int?
        public var column: Int?
        /// Stable identity across runs: check, place and subject, never dates or counts.
        public var fingerprint: String
        public var waiver: WaiverRecord?

        public init(check: String, severity: Severity, app: String?, provider: String?, account: String?, keyId: String?,
                    message: String, remediation: String, evidence: [Evidence], path: String?, line: Int?, column: Int?,
                    fingerprint: String, waiver: WaiverRecord?) {
            self.check = check
            self.severity = severity
            self.app = app
            self.provider = provider
            self.account = account
            self.keyId = keyId
            self.message = message
            self.remediation = remediation
            self.evidence = evidence.sorted { $0.name < $1.name }
            self.path = path
            self.line = line
            self.column = column
            self.fingerprint = fingerprint
            self.waiver = waiver
        }

        /// The value of one piece of evidence.
        public func evidence(_ name: String) -> String? { evidence.first { $0.name == name }?.value }

        private enum CodingKeys: String, CodingKey {
            case check, severity, app, provider, account, keyId, message, remediation, evidence, path, line, column, fingerprint, waiver
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            check = try container.decode(String.self, forKey: .check)
            severity = try container.decode(Severity.self, forKey: .severity)
            app = try container.decodeIfPresent(String.self, forKey: .app)
            provider = try container.decodeIfPresent(String.self, forKey: .provider)
            account = try container.decodeIfPresent(String.self, forKey: .account)
            keyId = try container.decodeIfPresent(String.self, forKey: .keyId)
            message = try container.decode(String.self, forKey: .message)
            remediation = try container.decode(String.self, forKey: .remediation)
            evidence = try container.decode([String: String].self, forKey: .evidence).map { Evidence($0.key, $0.value) }
                .sorted { $0.name < $1.name }
            path = try container.decodeIfPresent(String.self, forKey: .path)
            line = try container.decodeIfPresent(Int.self, forKey: .line)
            column = try container.decodeIfPresent(Int.self, forKey: .column)
            fingerprint = try container.decode(String.self, forKey: .fingerprint)
            waiver = try container.decodeIfPresent(WaiverRecord.self, forKey: .waiver)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(check, forKey: .check)
            try container.encode(severity, forKey: .severity)
            try container.encodeIfPresent(app, forKey: .app)
            try container.encodeIfPresent(provider, forKey: .provider)
            try container.encodeIfPresent(account, forKey: .account)
            try container.encodeIfPresent(keyId, forKey: .keyId)
            try container.encode(message, forKey: .message)
            try container.encode(remediation, forKey: .remediation)
            try container.encode(Dictionary(evidence.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                                 forKey: .evidence)
            try container.encodeIfPresent(path, forKey: .path)
            try container.encodeIfPresent(line, forKey: .line)
            try container.encodeIfPresent(column, forKey: .column)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encodeIfPresent(waiver, forKey: .waiver)
        }
    }

    public struct WaiverRecord: Codable, Sendable {
        public var check: String
        public var target: String
        public var owner: String
        public var reason: String
        /// The expiry day, `2027-01-31`.
        public var expires: String
        public var path: String
        public var line: Int
        /// Absent in reports saved before it was recorded (read as 1).
        public var column: Int?

        public init(check: String, target: String, owner: String, reason: String, expires: String, path: String, line: Int,
                    column: Int) {
            self.check = check
            self.target = target
            self.owner = owner
            self.reason = reason
            self.expires = expires
            self.path = path
            self.line = line
            self.column = column
        }

        /// `policy.yaml:74:5`: where the waiver is declared.
        public var location: String { "\(path):\(line):\(column ?? 1)" }
    }

    public struct InventoryRecord: Codable, Sendable, Hashable {
        public var path: String
        public var provider: String
        public var account: String
        public var fetchedAt: String
        public var keys: Int

        public init(path: String, provider: String, account: String, fetchedAt: String, keys: Int) {
            self.path = path
            self.provider = provider
            self.account = account
            self.fetchedAt = fetchedAt
            self.keys = keys
        }
    }

    public struct Summary: Codable, Sendable {
        public var findings: Int
        public var waived: Int
        public var bySeverity: [String: Int]

        public init(findings: Int, waived: Int, bySeverity: [String: Int]) {
            self.findings = findings
            self.waived = waived
            self.bySeverity = bySeverity
        }
    }

    public var version: String
    public var tool: String
    public var kind: String
    public var policy: String
    /// The audit's clock, recorded only when it was pinned (`--now`), so output stays reproducible.
    public var now: String?
    public var inventories: [InventoryRecord]
    public var summary: Summary
    public var findings: [FindingRecord]
    public var waived: [FindingRecord]
    /// Every check the audit ran, in catalogue order.
    public var checks: [RuleDescriptor]
    /// Each live key's age against its policy's maximum, for the review formats' chart.
    public var keyAges: [KeyAge]

    public init(version: String = KeyWarden.version, policy: String, now: String?, inventories: [InventoryRecord],
                findings: [FindingRecord], waived: [FindingRecord], checks: [RuleDescriptor], keyAges: [KeyAge]) {
        self.version = version
        tool = "keywarden"
        kind = "audit"
        self.policy = policy
        self.now = now
        self.inventories = inventories
        summary = Summary(findings: findings.count, waived: waived.count, bySeverity: ScanSection.bySeverity(findings.map(\.severity)))
        self.findings = findings
        self.waived = waived
        self.checks = checks
        self.keyAges = keyAges
    }

    private enum CodingKeys: String, CodingKey {
        case version, tool, kind, policy, now, inventories, summary, findings, waived, checks, keyAges
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        tool = try container.decode(String.self, forKey: .tool)
        kind = try container.decode(String.self, forKey: .kind)
        policy = try container.decode(String.self, forKey: .policy)
        now = try container.decodeIfPresent(String.self, forKey: .now)
        inventories = try container.decode([InventoryRecord].self, forKey: .inventories)
        summary = try container.decode(Summary.self, forKey: .summary)
        findings = try container.decode([FindingRecord].self, forKey: .findings)
        waived = try container.decode([FindingRecord].self, forKey: .waived)
        var checks = try container.decodeIfPresent([RuleDescriptor].self, forKey: .checks) ?? []
        // A report saved before audits carried their checks: describe the checks its findings name.
        for finding in findings + waived where !checks.contains(where: { $0.id == finding.check }) {
            checks.append(RuleDescriptor(id: finding.check, severity: finding.severity, description: finding.message,
                                         remediation: finding.remediation))
        }
        self.checks = checks
        keyAges = try container.decodeIfPresent([KeyAge].self, forKey: .keyAges) ?? KeyAge.fromRotationFindings(findings + waived)
    }
}
