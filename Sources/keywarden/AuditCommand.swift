import ArgumentParser
import Foundation
import KeyWardenCore

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

        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the policy has \
        errors (see `keywarden lint`) or a bad flag; 3 an inventory or findings file could not be \
        read or parsed (an audit never passes on partial data).
        """
    )

    @Option(help: ArgumentHelp("The key policy (YAML).", valueName: "file"))
    var policy: String

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Inventory snapshots (JSON or YAML): one or more after the flag, or the flag repeated.", valueName: "file"))
    var inventory: [String] = []

    @Option(help: ArgumentHelp("A `keywarden scan --format json` report whose key ids are looked up in the inventory.",
                               valueName: "scan.json"))
    var findings: String?

    @Option(help: ArgumentHelp("Pin the clock (ISO 8601) that ages, expiries and waivers are measured against.",
                               valueName: "instant"))
    var now: Instant?

    @Option(name: .shortAndLong, help: "Output format: text, json, sarif, html, markdown, junit or csv.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Exit 1 when a finding is at least this severe: critical, high, medium, low, info, or none.",
                               valueName: "severity"))
    var failOn: FailureThreshold = .severity(.low)

    func validate() throws {
        if inventory.isEmpty { throw ValidationError("give at least one --inventory snapshot") }
    }

    func run() throws {
        let clock = now?.date ?? Date()
        let lint = PolicyLoader.lint(path: policy, now: clock, knownChecks: AuditCatalogue.ids)
        if lint.hasErrors { throw DiagnosticError(lint.diagnostics) }
        for warning in lint.warnings { Terminal.standardError(warning.description) }

        var snapshots: [InventorySnapshotFile] = []
        for path in inventory {
            do {
                snapshots.append(try InventorySnapshotFile.load(path: path))
            } catch {
                throw CommandFailure.incomplete(error.description)
            }
        }
        var leaks: [LeakedKeyReference] = []
        if let findings {
            do {
                leaks = try ScanFindingsFile.load(path: findings)
            } catch {
                throw CommandFailure.incomplete(error.description)
            }
        }

        let context = AuditContext(policy: lint.policy, inventories: snapshots, leaks: leaks, now: clock)
        let result = AuditEngine.run(context)
        var report = AuditReport(result: result, policyFile: policy, inventories: snapshots, pinnedNow: now?.date)
        report.keyAges = KeyAge.survey(context)
        // The review formats show the scan the key ids came from; a findings-only file has no full scan to show.
        if let findings, case let .scan(document)? = try? SavedReport.load(path: findings) { report.scanCrossReference = document }
        let colour = output == nil && Terminal.wantsColour(STDOUT_FILENO)
        try Terminal.deliver(try format.auditWriter(colour: colour, generatedAt: clock).write(report), to: output)
        if failOn.isMet(by: result.findings.map(\.severity)) { throw ExitCode(CommandFailure.findingsExitCode) }
    }
}
