import Foundation
import KeyWardenReport
import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// `keywarden report` and the review formats end to end: the built binary, real files.
@Suite struct ReportCommandTests {
    static let now = "2026-11-20T00:00:00Z"
    static let audit = ["audit", "--policy", "Samples/policies/trading-desk.yaml", "--now", now, "--inventory",
                        "Samples/inventory/okx-main.json", "Samples/inventory/binance-main.json",
                        "Samples/inventory/bybit-main.json", "Samples/inventory/gate-main.json",
                        "--findings", "Samples/findings/scan-findings.json"]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Saves `keywarden scan PATHS --format json` in the directory and returns the file.
    func savedScan(_ paths: [String], as name: String, in directory: TemporaryDirectory) throws -> String {
        let file = directory.path + "/" + name
        let outcome = try CLIHarness.run(["scan"] + paths + ["--quiet", "--now", Self.now, "--format", "json", "--output", file])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        return file
    }

    @Test func savedScanRerendersToTheSameTextWithoutRescanning() throws {
        let directory = try TemporaryDirectory()
        let saved = try savedScan(["Samples/"], as: "scan.json", in: directory)
        let live = try CLIHarness.run(["scan", "Samples/", "--quiet", "--now", Self.now])
        let replayed = try CLIHarness.run(["report", "--input", saved, "--format", "text"])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(replayed.stdout == live.stdout)
        for format in ["html", "markdown", "junit", "csv"] {
            let liveFormat = try CLIHarness.run(["scan", "Samples/", "--quiet", "--now", Self.now, "--format", format])
            let replayedFormat = try CLIHarness.run(["report", "--input", saved, "--now", Self.now, "--format", format])
            #expect(replayedFormat.stdout == liveFormat.stdout, "\(format)")
        }
    }

    @Test func twoShardsMergeIntoTheirUnionWithoutDuplicates() throws {
        let directory = try TemporaryDirectory()
        let first = try savedScan(["Samples/trading-bot/src", "Samples/trading-bot/config"], as: "shard-1.json", in: directory)
        let second = try savedScan(["Samples/trading-bot/config", "Samples/trading-bot/deploy"], as: "shard-2.json", in: directory)
        let whole = try savedScan(["Samples/trading-bot/src", "Samples/trading-bot/config", "Samples/trading-bot/deploy"],
                                  as: "whole.json", in: directory)
        let merged = try CLIHarness.run(["report", "--input", first, second, "--format", "json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let findings = try #require(try json(merged.stdout)["findings"] as? [[String: Any]])
        let expected = try #require(try json(String(contentsOfFile: whole, encoding: .utf8))["findings"] as? [[String: Any]])
        func identities(_ list: [[String: Any]]) -> [String] {
            list.map { "\($0["fingerprint"] as? String ?? "") \($0["path"] as? String ?? "") \($0["line"] as? Int ?? 0)" }
        }
        #expect(!findings.isEmpty)
        #expect(identities(findings) == identities(expected))
        #expect(Set(identities(findings)).count == findings.count)
        let summary = try #require(try json(merged.stdout)["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == expected.count)
    }

    @Test func scanAndAuditCombineInOneReport() throws {
        let directory = try TemporaryDirectory()
        let scan = try savedScan(["Samples/"], as: "scan.json", in: directory)
        let auditFile = directory.path + "/audit.json"
        #expect(try CLIHarness.run(Self.audit + ["--format", "json", "--output", auditFile]).status == 1)
        let html = try CLIHarness.run(["report", "--input", scan, auditFile, "--now", Self.now, "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<h1>Key security review: audit and scan</h1>"))
        #expect(html.stdout.contains("<code>leaked-live-key</code>") && html.stdout.contains("<code>private-key-pem</code>"))
    }

    /// Every format shows both halves: a scan rule and an audit check appear in each.
    @Test func everyFormatRendersAScanAndAnAuditTogether() throws {
        let directory = try TemporaryDirectory()
        let scan = try savedScan(["Samples/"], as: "scan.json", in: directory)
        let auditFile = directory.path + "/audit.json"
        #expect(try CLIHarness.run(Self.audit + ["--format", "json", "--output", auditFile]).status == 1)
        for format in ReportFormat.allCases {
            let outcome = try CLIHarness.run(["report", "--input", scan, auditFile, "--now", Self.now, "--format", format.rawValue])
            #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.contains("private-key-pem") && outcome.stdout.contains("leaked-live-key"), "\(format)")
        }
        let combined = directory.path + "/both.json"
        #expect(try CLIHarness.run(["report", "--input", scan, auditFile, "--format", "json", "--output", combined]).status == 0)
        let again = try CLIHarness.run(["report", "--input", combined, "--format", "sarif"])
        let runs = try #require((try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])?["runs"] as? [Any])
        #expect(runs.count == 2)
    }

    @Test func auditHTMLEmbedsItsScanCrossReferenceAndChartsKeyAges() throws {
        let outcome = try CLIHarness.run(Self.audit + ["--format", "html"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("<h1>Key security review: audit and scan</h1>"))
        #expect(outcome.stdout.contains("<svg class=\"chart\""))
        #expect(outcome.stdout.contains("<dt>Generated</dt><dd>\(Self.now)</dd>"))
    }

    @Test func junitParsesWithAStandardParser() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/audit.xml"
        #expect(try CLIHarness.run(Self.audit + ["--format", "junit", "--output", file]).status == 1)
        let parsed = try CLIHarness.python(PackagePaths.root + "/Tests/Fixtures/parse_junit.py", [file])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let result = try json(parsed.stdout)
        let cases = try #require(result["cases"] as? [[String: Any]])
        let failing = cases.filter { $0["failure"] is String }
        #expect(!failing.isEmpty && failing.allSatisfy { !($0["failure"] as! String).isEmpty })
        #expect(failing.contains { ($0["classname"] as? String) == "keywarden.audit.leaked-live-key" })
        #expect(cases.contains { $0["skipped"] as? Bool == true })
        let suites = try #require(result["suites"] as? [[String: Any]])
        #expect(suites.map { $0["name"] as? String } == ["keywarden.audit", "keywarden.scan"])
    }

    @Test func auditSARIFValidatesAgainstTheOfficialSchema() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/audit.sarif"
        #expect(try CLIHarness.run(Self.audit + ["--format", "sarif", "--output", file]).status == 1)
        let validation = try CLIHarness.python(PackagePaths.root + "/Tests/Fixtures/validate_sarif.py", [file])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }

    @Test func rerenderedSARIFValidatesToo() throws {
        let directory = try TemporaryDirectory()
        let saved = try savedScan(["Samples/"], as: "scan.json", in: directory)
        let file = directory.path + "/scan.sarif"
        #expect(try CLIHarness.run(["report", "--input", saved, "--format", "sarif", "--output", file]).status == 0)
        let validation = try CLIHarness.python(PackagePaths.root + "/Tests/Fixtures/validate_sarif.py", [file])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }

    @Test func unreadableOrForeignInputExitsThree() throws {
        let directory = try TemporaryDirectory()
        let foreign = try directory.write("other.json", #"{"runs": []}"#)
        let missing = try CLIHarness.run(["report", "--input", directory.path + "/none.json"])
        #expect(missing.status == 3 && missing.stderr.contains("none.json"))
        let other = try CLIHarness.run(["report", "--input", foreign])
        #expect(other.status == 3 && other.stderr.contains("other.json"))
        #expect(try CLIHarness.run(["report"]).status == 2)
    }

    @Test func failOnMakesAReportAGate() throws {
        let directory = try TemporaryDirectory()
        let saved = try savedScan(["Samples/"], as: "scan.json", in: directory)
        #expect(try CLIHarness.run(["report", "--input", saved, "--format", "csv", "--fail-on", "high"]).status == 1)
        #expect(try CLIHarness.run(["report", "--input", saved, "--format", "csv"]).status == 0)
    }

    /// Installs Chromium when missing (CI's clean machine), renders the Samples reports and screenshots them.
    @Test(.timeLimit(.minutes(10))) func htmlReportsRenderInHeadlessChromium() throws {
        let directory = try TemporaryDirectory()
        let outcome = try CLIHarness.run([PackagePaths.root + "/Scripts/screenshot_report.sh", directory.path, CLIHarness.binary],
                                         executable: "/bin/bash")
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        for name in ["audit-report", "scan-report"] {
            let png = try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/\(name).png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is a PNG")
            #expect(png.count > 40_000, "\(name).png is \(png.count) bytes: a blank page would be far smaller")
        }
        try tableSortsAndFiltersInTheBrowser(directory)
    }

    /// Drives the findings table's own script in Chromium: filter on a word, sort by rule, read the DOM back.
    func tableSortsAndFiltersInTheBrowser(_ directory: TemporaryDirectory) throws {
        let page = try String(contentsOfFile: directory.path + "/scan-report.html", encoding: .utf8)
        let probe = """
        <script>var f=document.getElementById("filter");f.value="slack";f.dispatchEvent(new Event("input"));
        document.querySelectorAll("#findings th")[1].click();
        document.body.setAttribute("data-probe",document.getElementById("shown").textContent+"|"
        +document.querySelector("#findings tbody tr").cells[1].textContent+"|"
        +document.querySelectorAll("#findings tbody tr:not([hidden])").length);</script></body>
        """
        let file = try directory.write("probe.html", page.replacingOccurrences(of: "</body>", with: probe))
        let dom = try CLIHarness.run(["-c", "\"$(command -v chromium || command -v chromium-browser)\" --headless --no-sandbox "
                                      + "--disable-gpu --dump-dom \"file://$0\" 2>\"$0.stderr\"", file], executable: "/bin/sh")
        #expect(dom.stdout.contains("data-probe=\"1 of 11 shown|aws-secret-access-key|1\""), "\(dom.stdout.suffix(300))")
    }
}
