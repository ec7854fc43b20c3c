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
import KeyWardenTestSupport

/// The fixed findings every review-writer test renders: a scan with a plain secret, a secret
/// full of CSV metacharacters in a file whose name is an HTML injection, and a git-history
/// finding; and the Samples audit with its key ages.
enum ReviewFixtures {
    static let awsSecret = "q8Lw2Vn5RtZ9xKm4PlNr2TbWjAlrXUtnFEMIK7MD"
    static let awkwardSecret = "pa,ss\"word=Zq8#Lw2!Vn5%Rt9x"
    static let hostilePath = "web/<script>alert(1)</script>.js"
    static let generatedAt = ISO8601Date.parse("2026-11-20T00:00:00Z")!

    static func scanResult() -> (result: ScanResult, rules: [Rule]) {
        let findings = [
            Finding(rule: "aws-secret-access-key", description: "AWS secret access key", severity: .critical, path: "src/app.py", line: 4,
                    column: 9, endLine: 4, endColumn: 28, secret: awsSecret, entropy: 3.9),
            Finding(rule: "generic-secret-assignment", description: "Generic secret assigned to a variable", severity: .medium,
                    path: hostilePath, line: 2, column: 12, endLine: 2, endColumn: 39, secret: awkwardSecret, entropy: 4.2),
            Finding(rule: "slack-token", description: "Slack token", severity: .high, path: "config/old.yaml", line: 7, column: 3,
                    endLine: 7, endColumn: 60, secret: "xoxb-2048-4096-Qw3rTy8UiOp1AsDfGhJk", entropy: 4.5,
                    git: GitProvenance(commit: "3f2a9c1e5b7d", author: "Dev", email: "dev@example.com", date: generatedAt,
                                       presentAtHead: false)),
        ].sorted(by: Finding.reportOrder)
        let rules = [
            Rule(id: "aws-secret-access-key", description: "AWS secret access key", severity: .critical, pattern: "AKIA", examples: [], negativeExamples: []),
            Rule(id: "generic-secret-assignment", description: "Generic secret", severity: .medium, pattern: "x", examples: [], negativeExamples: []),
            Rule(id: "slack-token", description: "Slack token", severity: .high, pattern: "xox", examples: [], negativeExamples: []),
        ]
        return (ScanResult(findings: findings, skipped: [SkippedInput(path: "assets/logo.png", reason: .binary)],
                           filesScanned: 12, bytesScanned: 48_213), rules)
    }

    /// The fixed scan as a report section, redacted by `redactor`.
    static func scanSection(redactor: Redactor = Redactor()) -> ScanSection {
        let (result, rules) = scanResult()
        return ScanSection(result: result, rules: rules, rulesHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                           durationSeconds: 0, redactor: redactor)
    }

    static func auditSection() throws -> AuditSection {
        let lint = PolicyLoader.lint(path: PackagePaths.root + "/Samples/policies/trading-desk.yaml", now: auditNow, vocabulary: PolicyAudit.vocabulary)
        let inventories = try ["okx-main", "binance-main", "bybit-main", "gate-main"].map {
            try InventorySnapshotFile.load(path: "\(PackagePaths.root)/Samples/inventory/\($0).json")
        }
        let leaks = try SampleFindings.leaks()
        let context = AuditContext(policy: lint.policy, inventories: inventories, leaks: leaks, now: auditNow)
        return AuditSection(result: AuditEngine.run(context), context: context, policyFile: "Samples/policies/trading-desk.yaml",
                            inventories: inventories, pinnedNow: auditNow)
    }

    /// A scan alone.
    static func scanReview() -> ReportDocument { ReportDocument(scan: scanSection(), generatedAt: generatedAt) }

    /// The audit with the scan as its cross-reference: both halves in one report. The audit's
    /// clock is pinned, so the report shows it as its generation time.
    static func combinedReview() throws -> ReportDocument {
        ReportDocument(scan: scanSection(), audit: try auditSection(), generatedAt: auditNow)
    }
}

/// The key ids of the Samples scan report, as `audit --findings` reads them.
enum SampleFindings {
    static func leaks() throws -> [LeakedKeyReference] {
        LeakedKeyReference.references(in: try SavedReport.load(path: PackagePaths.root + "/Samples/findings/scan-findings.json").scan)
    }
}
