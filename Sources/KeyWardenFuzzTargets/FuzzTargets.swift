import Foundation
import KeyWardenAudit
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenVerification
import Synchronization

/// Every parser that reads what keywarden does not control: the YAML loaders (policy, rule pack,
/// configuration, baseline, credentials, inventory), gitleaks configs (TOML, Go regexes,
/// `.gitleaksignore`), the JSON readers (saved reports, exchange responses, other scanners'
/// reports, service verification answers), the matcher on arbitrary bytes, and the parsers of
/// git's output.
public enum FuzzTargets {
    /// Where the matcher target finds the compiled catalogue, set before it first runs (the
    /// fuzzer: the user's cache; the tests: the run's). Without one it compiles the catalogue,
    /// half a minute of CPU for every fuzzing process and every test run.
    public static let ruleCache = Mutex<CompiledRuleSetCache?>(nil)

    /// The user's compiled-rule cache (`$XDG_CACHE_HOME/keywarden`), as `keywarden` itself uses.
    public static func useUsersRuleCache() { ruleCache.withLock { $0 = CompiledRuleSetCache.userDefault() } }

    /// Removes the directory of the loaders' scratch files; the fuzzing binary calls it before it exits.
    public static func removeScratchFiles() { ScratchFile.shared.remove() }

    public static let all: [FuzzTarget] = [
        FuzzTarget(name: "policy", seedPaths: ["Samples/policies", "Rules/policies"]) { data in
            _ = PolicyLoader.lint(String(decoding: data, as: UTF8.self), file: "policy.yaml",
                                  now: Date(timeIntervalSince1970: 1_790_000_000), vocabulary: PolicyAudit.vocabulary)
        },
        FuzzTarget(name: "rule-pack", seedPaths: ["Rules/secrets"]) { data in
            _ = try? RulePackLoader.parse(String(decoding: data, as: UTF8.self), file: "pack.yaml")
        },
        FuzzTarget(name: "config", seedPaths: [".keywarden.yaml", "Samples/trading-bot/.keywarden.yaml"]) { data in
            ScratchFile.shared.with(data, name: "keywarden.yaml") { _ = try? ScanConfiguration.load(path: $0) }
        },
        FuzzTarget(name: "gitleaks-config", seedPaths: ["Tests/Fuzz/seeds/gitleaks-config"]) { data in
            let text = String(decoding: data, as: UTF8.self)
            _ = try? GitleaksConfigLoader.parse(text, file: "gitleaks.toml")
            _ = try? GoRegexTranslation.translate(text)
            _ = try? GitleaksIgnore.parse(text, file: ".gitleaksignore")
        },
        FuzzTarget(name: "baseline", seedPaths: ["Tests/Fuzz/seeds/baseline"]) { data in
            ScratchFile.shared.with(data, name: "baseline.yaml") { _ = try? Baseline.load(path: $0) }
        },
        FuzzTarget(name: "credentials", seedPaths: ["Tests/Fuzz/seeds/credentials"]) { data in
            ScratchFile.shared.with(data, name: "credentials.yaml") { _ = try? CredentialsFile.load(path: $0) }
        },
        FuzzTarget(name: "inventory", seedPaths: ["Samples/inventory"]) { data in
            _ = try? InventorySnapshotFile.parse(String(decoding: data, as: UTF8.self), file: "inventory.json")
        },
        FuzzTarget(name: "saved-report", seedPaths: ["Samples/findings"]) { data in
            _ = try? SavedReport.parse(data, path: "report.json")
        },
        FuzzTarget(name: "exchange-response", seedPaths: ["Tests/Fuzz/seeds/exchange-response"]) { data in
            guard let cursor = try? JSONCursor.parse(data) else { return }
            _ = try? OKXKeyMapping.callingKey(cursor, keyId: "k", account: "a")
            _ = try? BinanceKeyMapping.callingKey(cursor, keyId: "k", account: "a")
            _ = try? BybitKeyMapping.key(cursor, account: "a")
            _ = try? KuCoinKeyMapping.key(cursor, account: "a")
            _ = try? CoinbaseKeyMapping.callingKey(cursor, keyName: "k", account: "a")
            _ = try? KrakenKeyMapping.key(cursor, account: "a", now: Date(timeIntervalSince1970: 1_790_000_000))
            _ = try? BitgetKeyMapping.callingKey(cursor, keyId: "k", account: "a")
            _ = try? GateKeyMapping.callingKey(cursor, keyId: "k", account: "a")
        },
        FuzzTarget(name: "foreign-report", seedPaths: ["Tests/Fuzz/seeds/foreign-report"]) { data in
            _ = ForeignReport.recognise(data)?.scanSection(knownKeyIds: ["k"])
        },
        FuzzTarget(name: "service-answer", seedPaths: ["Tests/Fuzz/seeds/service-answer"]) { data in
            let credential = ServiceCredential(secret: "rk_live_x", keyId: "AKIAX")  // keywarden:allow reason="fuzz input, not a key" owner=keywarden until=2099-12-31
            for verifier in ServiceVerifiers.all {
                for status in [200, 403, 429] {
                    _ = verifier.read(HTTPResponse(status: status, headers: ["X-OAuth-Scopes": "repo"], body: data), for: credential,
                                      now: Date(timeIntervalSince1970: 1_790_000_000))
                }
            }
        },
        FuzzTarget(name: "archive", seedPaths: ["Tests/Fuzz/seeds/archive"]) { data in
            _ = ArchiveExpansion.members(of: Array(data), name: "fuzz.zip", limits: ArchiveLimits(maxDepth: 3, maxMemberSize: 1 << 20,
                                                                                                 maxExpandedBytes: 16 << 20))
        },
        FuzzTarget(name: "matcher", seedPaths: ["Samples/trading-bot"]) { data in
            guard let scanner = BuiltinScanner.shared else { return }
            _ = try? scanner.scanner.findings(in: Array(data), worker: scanner.worker)
        },
        FuzzTarget(name: "git-output", seedPaths: ["Tests/Fuzz/seeds/git-output"]) { data in
            let bytes = Array(data)
            _ = StagedChangesSource.addedLinesPerSection(bytes)
            for line in bytes.split(separator: 0x0A) {
                _ = AddedLines.hunk(header: line)
                _ = BlobAttribution.introducedBlob(rawEntry: Array(line))
            }
        },
    ]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// The built-in rules compiled once per process, with one worker: the matcher target calls it
/// thousands of times a second.
final class BuiltinScanner: @unchecked Sendable {
    static let shared: BuiltinScanner? = try? BuiltinScanner()
    let scanner: SecretScanner
    let worker: SecretScanner.Worker

    private init() throws {
        scanner = try SecretScanner(compiled: CompiledRuleSet(RuleSet(BuiltinRules.load()), cache: FuzzTargets.ruleCache.withLock { $0 }),
                                    workers: 1)
        worker = try scanner.makeWorker()
    }
}

/// Loaders that read a path get the input through one owner-only scratch file per process.
final class ScratchFile: @unchecked Sendable {
    static let shared = ScratchFile()
    private let directory: String
    private let lock = NSLock()

    private init() {
        directory = NSTemporaryDirectory() + "keywarden-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
    }

    func with(_ data: Data, name: String, _ body: (String) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        defer { unlink(path) }  // no input outlives its run
        body(path)
    }

    /// Removes the directory (at the end of a fuzzing process; test runs sweep those of ended runs).
    func remove() {
        lock.lock()
        defer { lock.unlock() }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
