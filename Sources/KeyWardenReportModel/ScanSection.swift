import Foundation
import KeyWardenSupport

/// A scan as every report shows it, and as `keywarden scan --format json` saves it: `version`,
/// `summary`, `findings`, `skipped`, and the descriptors of the rules that found something.
/// Field names are a contract: other tools and `keywarden audit --findings` read them. Secrets
/// are held as the run's redactor showed them.
public struct ScanSection: Codable, Sendable {
    public struct Summary: Codable, Sendable {
        public var findings: Int
        public var bySeverity: [String: Int]
        public var filesScanned: Int
        public var bytesScanned: Int
        public var skipped: Int
        public var durationSeconds: Double
        /// The lowest confidence reported (`--confidence`) and how many findings below it were
        /// left out; omitted in reports written before confidence existed.
        public var confidence: Confidence?
        public var belowConfidence: Int?

        public init(findings: Int, bySeverity: [String: Int], filesScanned: Int, bytesScanned: Int, skipped: Int,
                    durationSeconds: Double, confidence: Confidence? = nil, belowConfidence: Int? = nil) {
            self.findings = findings
            self.bySeverity = bySeverity
            self.filesScanned = filesScanned
            self.bytesScanned = bytesScanned
            self.skipped = skipped
            self.durationSeconds = durationSeconds
            self.confidence = confidence
            self.belowConfidence = belowConfidence
        }
    }

    public struct FindingRecord: Codable, Sendable {
        public var rule: String
        public var description: String
        public var severity: Severity
        /// How sure the finding is; omitted in reports written before confidence existed.
        public var confidence: Confidence?
        public var path: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        /// Redacted unless the run showed secrets.
        public var secret: String
        public var fingerprint: String
        public var entropy: Double
        // Optional fields, omitted when not set.
        public var keyId: String?
        public var decodedFrom: String?
        public var commit: String?
        public var author: String?
        public var email: String?
        public var date: String?
        public var presentAtHead: Bool?
        /// Where the other parts of a grouped credential set are (key, passphrase).
        public var parts: [CredentialPartLocation]?
        /// A suppression that would hide this finding but has lapsed.
        public var lapsedSuppression: LapsedSuppression?
        /// What `--verify` learned from the provider; omitted when not verified.
        public var verification: Verification?

        public init(rule: String, description: String, severity: Severity, path: String, line: Int, column: Int,
                    endLine: Int, endColumn: Int, secret: String, fingerprint: String, entropy: Double,
                    keyId: String? = nil, decodedFrom: String? = nil, commit: String? = nil, author: String? = nil,
                    email: String? = nil, date: String? = nil, presentAtHead: Bool? = nil,
                    parts: [CredentialPartLocation]? = nil, verification: Verification? = nil, confidence: Confidence? = nil) {
            self.rule = rule
            self.description = description
            self.severity = severity
            self.path = path
            self.line = line
            self.column = column
            self.endLine = endLine
            self.endColumn = endColumn
            self.secret = secret
            self.fingerprint = fingerprint
            self.entropy = entropy
            self.keyId = keyId
            self.decodedFrom = decodedFrom
            self.commit = commit
            self.author = author
            self.email = email
            self.date = date
            self.presentAtHead = presentAtHead
            self.parts = parts
            self.verification = verification
            self.confidence = confidence
        }
    }

    /// What a lapsed suppression said, and why it lapsed (`expired`, or `incomplete` where
    /// reason, owner and expiry are required): the finding is reported.
    public struct LapsedSuppression: Codable, Sendable, Hashable {
        public var reason: String?
        public var owner: String?
        public var until: String?
        public var lapse: String

        public init(reason: String?, owner: String?, until: String?, lapse: String) {
            self.reason = reason
            self.owner = owner
            self.until = until
            self.lapse = lapse
        }
    }

    public struct SkippedRecord: Codable, Sendable {
        public var path: String
        public var reason: String
        /// Content that should have been scanned was not (unreadable, too large); omitted when false.
        public var warning: Bool?

        public init(path: String, reason: String, warning: Bool) {
            self.path = path
            self.reason = reason
            self.warning = warning ? true : nil
        }
    }

    public var version: String
    public var tool: String
    public var rulesHash: String
    public var summary: Summary
    public var findings: [FindingRecord]
    public var skipped: [SkippedRecord]
    /// Every rule the scan ran, in id order. Saved JSON keeps those that found something.
    public var rules: [RuleDescriptor]
    /// The repository and revision scanned, when it was a git repository (SARIF shows it).
    public var versionControl: VersionControlDetails?
    /// The suppressions in force in the scanned tree, for the review formats (HTML, Markdown).
    public var suppressions: SuppressionSummary?

    /// What a security review wants to know about suppressions: how many, whose, and which
    /// expire within 30 days (then their findings come back).
    public struct SuppressionSummary: Codable, Sendable {
        public struct Expiring: Codable, Sendable {
            public var path: String
            public var line: Int?
            public var owner: String?
            public var reason: String?
            public var until: String

            public init(path: String, line: Int?, owner: String?, reason: String?, until: String) {
                self.path = path
                self.line = line
                self.owner = owner
                self.reason = reason
                self.until = until
            }
        }

        public var total: Int
        /// Suppressions per owner; those without one under "(no owner)".
        public var byOwner: [String: Int]
        public var expiringSoon: [Expiring]

        public init(total: Int, byOwner: [String: Int], expiringSoon: [Expiring]) {
            self.total = total
            self.byOwner = byOwner
            self.expiringSoon = expiringSoon
        }
    }

    public init(version: String = KeyWarden.version, rulesHash: String, summary: Summary, findings: [FindingRecord],
                skipped: [SkippedRecord], rules: [RuleDescriptor], versionControl: VersionControlDetails? = nil) {
        self.version = version
        tool = "keywarden"
        self.rulesHash = rulesHash
        self.summary = summary
        self.findings = findings
        self.skipped = skipped
        self.rules = rules
        self.versionControl = versionControl
    }

    /// Findings per severity, every severity present (zero when none), as the summary counts them.
    public static func bySeverity(_ severities: [Severity]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        for severity in severities { counts[severity.rawValue, default: 0] += 1 }
        return counts
    }

    /// The descriptor of a finding's rule: the section's own, or one the finding itself implies
    /// (a report saved before sections carried their rules).
    public func descriptor(of rule: String) -> RuleDescriptor? {
        rules.first { $0.id == rule }
    }

    private enum CodingKeys: String, CodingKey {
        case version, tool, rulesHash, summary, findings, skipped, rules, suppressions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        tool = try container.decode(String.self, forKey: .tool)
        rulesHash = try container.decode(String.self, forKey: .rulesHash)
        summary = try container.decode(Summary.self, forKey: .summary)
        findings = try container.decode([FindingRecord].self, forKey: .findings)
        skipped = try container.decode([SkippedRecord].self, forKey: .skipped)
        var rules = try container.decodeIfPresent([RuleDescriptor].self, forKey: .rules) ?? []
        for finding in findings where !rules.contains(where: { $0.id == finding.rule }) {
            rules.append(RuleDescriptor(id: finding.rule, severity: finding.severity, description: finding.description,
                                        remediation: Self.secretRemediation))
        }
        self.rules = rules.sorted { $0.id < $1.id }
        versionControl = nil
        suppressions = try container.decodeIfPresent(SuppressionSummary.self, forKey: .suppressions)
    }

    /// A saved report keeps the descriptors of the rules with findings: enough to re-render it,
    /// without copying the whole catalogue into every file.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(tool, forKey: .tool)
        try container.encode(rulesHash, forKey: .rulesHash)
        try container.encode(summary, forKey: .summary)
        try container.encode(findings, forKey: .findings)
        try container.encode(skipped, forKey: .skipped)
        let used = Set(findings.map(\.rule))
        try container.encode(rules.filter { used.contains($0.id) }, forKey: .rules)
        try container.encodeIfPresent(suppressions, forKey: .suppressions)
    }

    /// What a scan finding asks for: the credential is compromised once committed.
    public static let secretRemediation = "Revoke or rotate this credential at its issuer, then remove it from the code "
        + "(and from git history if it was committed); load it from a secret store or the environment instead."
}

extension ScanSection {
    /// The section with findings less sure than `minimum` left out and counted (`report
    /// --confidence`). A finding saved before confidence existed has none and is kept: leaving it
    /// out would hide what the reader cannot judge.
    public func keeping(confidence minimum: Confidence) -> ScanSection {
        var kept = self
        kept.findings = findings.filter { ($0.confidence ?? .high) >= minimum }
        kept.summary.findings = kept.findings.count
        kept.summary.bySeverity = ScanSection.bySeverity(kept.findings.map(\.severity))
        kept.summary.belowConfidence = (summary.belowConfidence ?? 0) + findings.count - kept.findings.count
        kept.summary.confidence = max(summary.confidence ?? minimum, minimum)
        return kept
    }
}
