import ArgumentParser
import Foundation
import KeyWardenAccounts
import KeyWardenAudit
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReport
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check an account's keys against a key policy.",
        discussion: """
        Runs every check of the catalogue (least-privilege, rotation-age, ip-whitelist, \
        one-key-per-app, unmanaged-key, missing-key, unused-key, expiring-key, leaked-live-key, \
        waiver-expired; see Docs/policy.md) on the keys in the inventory snapshots. With --findings, \
        key ids from a `keywarden scan --format json` report that are active on an account are \
        reported as leaked-live-key. Findings a waiver in force covers are listed apart as waived; \
        an expired waiver hides nothing and is itself reported.

        With --live, keywarden fetches every account the policy's apps name from its exchange \
        (read-only endpoints; credentials as for `keywarden inventory fetch`: a profile named after \
        the account in the credentials file, else KEYWARDEN_<PROVIDER>_API_KEY/_API_SECRET/_PASSPHRASE).

        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the policy has \
        errors (see `keywarden lint`), a bad flag, or missing credentials; 3 an inventory or findings \
        file could not be read or parsed, or an account could not be fetched (an audit never passes \
        on partial data).
        """
    )

    @Option(help: ArgumentHelp("The key policy (YAML).", valueName: "file"))
    var policy: String

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Inventory snapshots (JSON or YAML): one or more after the flag, or the flag repeated.", valueName: "file"))
    var inventory: [String] = []

    @Option(help: ArgumentHelp("A scan report whose key ids are looked up in the inventory: `keywarden scan --format json`, gitleaks or betterleaks JSON, TruffleHog JSON lines, Kingfisher JSON, a detect-secrets baseline, or SARIF from any tool (told apart by content).",
                               valueName: "scan.json"))
    var findings: String?

    @OptionGroup(title: "Report") var report: ReportOptions<AuditReportDefaults>

    @Flag(help: "Fetch the live key inventory of every account the policy names (in addition to any --inventory).")
    var live = false

    @Option(help: ArgumentHelp("With --live: the credentials file (default: $KEYWARDEN_CREDENTIALS, else ~/.config/keywarden/credentials.yaml).",
                               valueName: "file"))
    var credentials: String?

    @Option(help: ArgumentHelp("With --live: base URL to call instead of each exchange's documented host (tests, proxies).",
                               valueName: "url"))
    var endpoint: String?

    func validate() throws {
        if inventory.isEmpty && !live { throw ValidationError("give at least one --inventory snapshot, or --live") }
        if let endpoint {
            guard live else { throw ValidationError("--endpoint goes with --live") }
            guard let url = URL(string: endpoint), url.host != nil, InventoryFetcher.isAllowedEndpoint(url) else {
                throw ValidationError("--endpoint must be an https URL (plain http only to localhost): \(endpoint)")
            }
        }
    }

    func run() throws {
        let clock = report.now?.date ?? Date()
        let lint = PolicyLoader.lint(path: policy, now: clock, vocabulary: PolicyAudit.vocabulary)
        if lint.hasErrors { throw DiagnosticError(lint.diagnostics) }
        for warning in lint.warnings { Terminal.standardError(warning.description) }

        var snapshots = try inventory.map(InventorySnapshotFile.load(path:))
        if live { snapshots += try fetchLive(lint.policy) }
        // One parse: the key ids come from the scan section, which the review formats also show.
        // A keywarden scan report, or another scanner's (gitleaks, TruffleHog, ...): told apart by content.
        let knownKeyIds = Set(snapshots.flatMap { $0.snapshot.keys.map(\.keyId) })
        let scan = try findings.flatMap { try ScanFindingsInput.load(path: $0, knownKeyIds: knownKeyIds) }

        let audit = PolicyAudit.run(policy: lint.policy, policyFile: policy, inventories: snapshots, scan: scan, now: clock,
                                    pinnedNow: report.now?.date)
        let document = ReportDocument(scan: scan, audit: audit, generatedAt: clock)
        // The terminal and machine formats show the audit alone; the review formats add the scan it cross-referenced.
        try report.deliver(report.format.isReviewFormat ? document : ReportDocument(audit: audit, generatedAt: clock),
                           judged: audit.findings.map(\.severity))
    }

    /// Every account the policy names, fetched live; any account that cannot be read fails the audit.
    private func fetchLive(_ policy: Policy) throws -> [InventorySnapshotFile] {
        let live = LiveInventory(fetcher: InventoryFetcher(), credentials: CredentialsResolver(explicitFile: credentials),
                                 endpoint: endpoint.flatMap(URL.init(string:)))
        let accounts = policy.accounts
        do {
            let snapshots = try AsyncBridge.wait { try await live.fetch(accounts) }
            return snapshots.map { InventorySnapshotFile(path: "live:\($0.provider.rawValue)/\($0.account)", snapshot: $0) }
        } catch let failure as LiveInventory.Failure {
            throw ContextualError("cannot audit live:", failure)
        }
    }
}
