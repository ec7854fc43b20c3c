import Foundation
import KeyWardenTestSupport
import Testing

@Suite(.serialized) struct ScanCommandTests {
    /// The AWS key id and its secret are one credential set: one finding, the key id as keyId.
    static let plantedRules = ["aws-secret-access-key", "okx-secret-key", "bybit-secret-key", "database-url-password", "slack-token",
                               "stripe-live-key", "credential-assignment-literal", "openai-api-key", "private-key-pem",
                               "github-token", "jwt"]

    @Test func samplesExitOneAndListEveryPlantedSecretRedacted() throws {
        let outcome = try CLIHarness.run(["scan", "Samples/"])
        #expect(outcome.status == 1)
        for rule in Self.plantedRules { #expect(outcome.stdout.contains(rule), "\(rule)") }
        #expect(outcome.stdout.contains("11 findings"))
        #expect(outcome.stdout.contains("with aws-access-key-id at line 4"))
        let env = try String(contentsOfFile: PackagePaths.root + "/Samples/trading-bot/.env", encoding: .utf8)
        let awsSecret = try #require(env.split(separator: "\n").first { $0.hasPrefix("AWS_SECRET_ACCESS_KEY=") }).dropFirst(22)
        #expect(!outcome.stdout.contains(awsSecret))
        #expect(outcome.stdout.contains("…(40 chars)"))
    }

    @Test func showSecretsPrintsThemInFull() throws {
        let outcome = try CLIHarness.run(["scan", "Samples/", "--show-secrets"])
        let env = try String(contentsOfFile: PackagePaths.root + "/Samples/trading-bot/.env", encoding: .utf8)
        let awsSecret = try #require(env.split(separator: "\n").first { $0.hasPrefix("AWS_SECRET_ACCESS_KEY=") }).dropFirst(22)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains(awsSecret))
    }

    @Test func theRepositoryScansItselfClean() throws {
        let outcome = try CLIHarness.run(["scan", "."])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("no secrets found"))
    }

    @Test func jsonFindingsHaveExactlyTheContractedFields() throws {
        let outcome = try CLIHarness.run(["scan", "Samples/", "--format", "json"])
        #expect(outcome.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys).isSuperset(of: ["version", "summary", "findings"]))
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 11)
        let sampleFiles = FileManager.default.enumerator(atPath: PackagePaths.root + "/Samples")!
            .compactMap { $0 as? String }.filter { !$0.hasSuffix("/") }
            .filter { !FileManager.default.isDirectory(PackagePaths.root + "/Samples/" + $0) }
            .filter { !$0.hasPrefix("findings/") }  // skipped by Samples/.keywarden.yaml
        #expect(summary["filesScanned"] as? Int == sampleFiles.count)
        #expect((summary["bySeverity"] as? [String: Int])?["critical"] == 6)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 11)
        let contracted: Set = ["rule", "description", "severity", "path", "line", "column", "endLine", "endColumn",
                               "secret", "fingerprint", "entropy", "confidence"]
        for finding in findings {
            // keyId and parts (a grouped credential set) are the optional extras a directory scan may carry.
            #expect(Set(finding.keys).subtracting(["keyId", "parts"]) == contracted)
            #expect((finding["secret"] as? String)?.contains("…(") == true)
            #expect((finding["fingerprint"] as? String)?.count == 64)
        }
        let pem = try #require(findings.first { $0["rule"] as? String == "private-key-pem" })
        #expect(pem["path"] as? String == "Samples/trading-bot/deploy/signing-key.pem")
        #expect(pem["line"] as? Int == 1 && pem["column"] as? Int == 1 && pem["endLine"] as? Int == 15)
    }

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let directory = try TemporaryDirectory()
        let report = directory.path + "/scan.sarif"
        let outcome = try CLIHarness.run(["scan", "Samples/", "--format", "sarif", "--output", report])
        #expect(outcome.status == 1)
        let validation = try CLIHarness.python(PackagePaths.root + "/Tests/Fixtures/validate_sarif.py", [report])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        let sarif = try String(contentsOfFile: report, encoding: .utf8)
        #expect(sarif.contains("\"partialFingerprints\""))
        #expect(sarif.contains("\"level\" : \"error\""))
    }

    @Test func outputIsByteIdenticalAcrossRunsWithAPinnedClock() throws {
        let arguments = ["scan", "Samples/", "--format", "json", "--now", "2026-11-20T00:00:00Z"]
        let first = try CLIHarness.run(arguments), second = try CLIHarness.run(arguments)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"durationSeconds\" : 0"))
    }

    @Test func failOnThresholdDecidesTheExitCode() throws {
        #expect(try CLIHarness.run(["scan", "Samples/trading-bot/src/client.py", "--fail-on", "critical"]).status == 1)
        #expect(try CLIHarness.run(["scan", "Samples/trading-bot/deploy/docker-compose.yml", "--fail-on", "critical"]).status == 0)
        #expect(try CLIHarness.run(["scan", "Samples/", "--fail-on", "none"]).status == 0)
    }

    @Test func pipedTextHasNoColourCodes() throws {
        let outcome = try CLIHarness.run(["scan", "Samples/"])
        #expect(!outcome.stdout.contains("\u{1B}["))
    }

    @Test func usageErrorsExitTwo() throws {
        let badFlag = try CLIHarness.run(["scan", "--no-such-flag"])
        #expect(badFlag.status == 2)
        let badFormat = try CLIHarness.run(["scan", "--format", "xml"])
        #expect(badFormat.status == 2)
        let missing = try CLIHarness.run(["scan", "/no/such/path"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or directory: /no/such/path"))
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

@Suite struct OutputFileTests {
    @Test func outputToADeviceWritesThroughItInsteadOfReplacingIt() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/report.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Drain the FIFO so the writer can finish.
        let reader = try CLIHarness.run(["-c", "cat \"$0\" > \"$0.out\" & \"$1\" scan Samples/ -f json -o \"$0\"; status=$?; wait; exit $status",
                                         fifo, CLIHarness.binary], executable: "/bin/sh")
        #expect(reader.status == 1, "\(reader.stderr)")
        var info = stat()
        // A FIFO of the test's own stands for every special file, /dev/null included: the test
        // never writes to the machine's.
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        let written = try String(contentsOfFile: fifo + ".out", encoding: .utf8)
        #expect(written.contains("\"findings\""))
    }
}
