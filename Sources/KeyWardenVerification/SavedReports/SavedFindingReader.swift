import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

/// Turns the findings of a saved scan report (`keywarden verify --input scan.json`) back into
/// findings that can be verified. A report written with `--show-secrets` holds each secret in
/// full (its fingerprint proves it); otherwise, and for what a report never holds (the
/// passphrase of an exchange set), the secret is re-read by scanning the source file again and
/// taking the finding with the same fingerprint, which survives the secret moving to another
/// line. What can be found neither way is `unverifiable` with the reason.
public struct SavedFindingReader: Sendable {
    public enum Outcome: Sendable {
        case finding(Finding)
        case unverifiable(String)
    }

    let scanner: SecretScanner
    /// Rule id to credential set name (`okx`, `aws`), from the rules the scanner runs.
    let credentialSets: [String: String]
    /// The directory the report's relative paths start from (where the scan ran).
    let sourceRoot: String

    public init(scanner: SecretScanner, rules: [Rule], sourceRoot: String) {
        self.scanner = scanner
        credentialSets = Dictionary(rules.compactMap { rule in rule.credentialSet.map { (rule.id, $0) } }, uniquingKeysWith: { first, _ in first })
        self.sourceRoot = sourceRoot
    }

    public func read(_ records: [ScanSection.FindingRecord]) -> [Outcome] {
        var rescanned: [String: Result<[Finding], Unreadable>] = [:]
        return records.map { record in
            let fromSource = { () -> Result<Finding?, Unreadable> in
                let found = rescanned[record.path] ?? rescan(record.path)
                rescanned[record.path] = found
                return found.map { $0.first { $0.fingerprint == record.fingerprint && $0.rule == record.rule } }
            }
            return outcome(record, fromSource: fromSource)
        }
    }

    func outcome(_ record: ScanSection.FindingRecord, fromSource: () -> Result<Finding?, Unreadable>) -> Outcome {
        let shown = Fingerprint.of(rule: record.rule, secret: record.secret) == record.fingerprint
        let set = credentialSets[record.rule]
        let needsSource = !shown || (set.flatMap(Provider.init(rawValue:))?.needsPassphrase ?? false)
        if needsSource, case .success(let found?) = fromSource() { return .finding(found) }
        guard shown else {
            let place = "\(record.path):\(record.line)"
            switch fromSource() {
            case .failure(let unreadable):
                return .unverifiable("the report holds the secret redacted (not saved with --show-secrets) and \(place) \(unreadable.reason)")
            case .success:
                let history = record.commit.map { " (found in git history, commit \($0.prefix(12)))" } ?? ""
                return .unverifiable("the report holds the secret redacted (not saved with --show-secrets) and \(place) no longer holds it\(history)")
            }
        }
        var finding = Finding(rule: record.rule, description: record.description, severity: record.severity, path: record.path,
                              line: record.line, column: record.column, endLine: record.endLine, endColumn: record.endColumn,
                              secret: record.secret, fingerprint: record.fingerprint, entropy: record.entropy, keyId: record.keyId)
        finding.credentialSet = set
        return .finding(finding)
    }

    /// `unknown` for a record a verifier would apply to; nil for one no verifier would ask about.
    func unverifiable(_ record: ScanSection.FindingRecord, reason: String, services: [any ServiceVerifier]) -> Verification? {
        if let provider = credentialSets[record.rule].flatMap(Provider.init(rawValue:)) {
            return VerificationWording.unknown(provider, reason: reason)
        }
        if let verifier = services.first(where: { $0.rules.contains(record.rule) }) {
            return ServiceWording.unknown(verifier.service, reason: reason)
        }
        return nil
    }

    struct Unreadable: Error {
        let reason: String
    }

    /// The findings in one source file now, in the scan's own way (grouping included).
    func rescan(_ path: String) -> Result<[Finding], Unreadable> {
        guard !path.isEmpty, path != "-", !path.contains("!/") else { return .failure(Unreadable(reason: "cannot be read again (standard input or an archive member)")) }
        let full = path.hasPrefix("/") ? path : (sourceRoot as NSString).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: full) else { return .failure(Unreadable(reason: "no longer exists")) }
        do {
            let worker = try scanner.makeWorker()
            return .success(try scanner.findings(in: [UInt8](data), worker: worker, paths: [path]))
        } catch {
            return .failure(Unreadable(reason: "could not be scanned again: \(error)"))
        }
    }
}
