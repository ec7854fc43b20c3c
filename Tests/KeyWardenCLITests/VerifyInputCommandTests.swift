import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenTestSupport
import Testing

/// `keywarden verify --input scan.json`: the findings of a saved scan report verified again,
/// their secrets taken from the report (saved with --show-secrets) or re-read from the source.
@Suite(.timeLimit(.minutes(3)))
struct VerifyInputCommandTests {
    static func random(_ count: Int, _ alphabet: String) -> String { String((0..<count).map { _ in alphabet.randomElement()! }) }

    struct AWSPair {
        let keyId = "AKIA" + VerifyInputCommandTests.random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let secret = VerifyInputCommandTests.random(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var file: String { "AWS_ACCESS_KEY_ID=\(keyId)\nAWS_SECRET_ACCESS_KEY=\(secret)\n" }
    }

    /// Scans `directory` (run from inside it, so the report's paths are relative) and saves the JSON report beside it.
    static func save(_ directory: TemporaryDirectory, reportIn reports: TemporaryDirectory, showSecrets: Bool) throws -> String {
        let report = (reports.path as NSString).appendingPathComponent("scan.json")
        let outcome = try CLIHarness.run(["scan", ".", "--format", "json", "--output", report] + (showSecrets ? ["--show-secrets"] : []),
                                         in: directory.path)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        return report
    }

    @Test func aReportSavedWithSecretsIsVerifiedWithoutTheSourceAndWrittenRedacted() async throws {
        let server = try LoopbackExchangeServer.start()
        let pair = AWSPair()
        try await server.register(key: pair.keyId, as: "aws-ok", secret: pair.secret)
        let directory = try TemporaryDirectory(), reports = try TemporaryDirectory()
        try directory.write("deploy/aws.env", pair.file)
        let report = try Self.save(directory, reportIn: reports, showSecrets: true)
        try FileManager.default.removeItem(atPath: (directory.path as NSString).appendingPathComponent("deploy/aws.env"))
        for format in ["json", "text", "markdown"] {
            let outcome = try CLIHarness.run(["verify", "--input", report, "--format", format, "--verify-endpoint", "aws=\(server.baseURL.absoluteString)"],
                                             in: directory.path)
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.contains("live AWS key, arn:aws:iam::402718365519:user/ci-deployer"), "\(format): \(outcome.stdout)")
            #expect(!outcome.stdout.contains(pair.secret) && !outcome.stderr.contains(pair.secret), "\(format) printed the secret")
        }
        #expect(try await server.requests(key: pair.keyId).allSatisfy(\.verified))
    }

    @Test func aRedactedReportReReadsTheSecretsFromTheSourceEvenWhenTheyMoved() async throws {
        let server = try LoopbackExchangeServer.start()
        let okx = ScanVerifyCommandTests.okxCredentials()
        try await server.register(okx, as: "ok")
        let directory = try ScanVerifyCommandTests().tree(okx), reports = try TemporaryDirectory()
        let report = try Self.save(directory, reportIn: reports, showSecrets: false)
        #expect(!(try String(contentsOfFile: report, encoding: .utf8)).contains(okx.secret))
        // The set moves down the file after the scan: its fingerprint still finds it.
        let path = (directory.path as NSString).appendingPathComponent("deploy/okx.env")
        try ("# moved\n\n\n" + String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try CLIHarness.run(["verify", "--input", report, "--format", "json", "--verify-endpoint", "okx=\(server.baseURL.absoluteString)"],
                                         in: directory.path)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("live OKX key, can withdraw, not IP-bound"), "\(outcome.stdout)")
        for value in okx.secretValues { #expect(!outcome.stdout.contains(value)) }
        #expect(try await server.requests(key: okx.apiKey).allSatisfy(\.verified))
    }

    @Test func aRedactedReportWhoseSourceIsGoneIsUnknownWithTheReasonAndSendsNothing() async throws {
        let server = try LoopbackExchangeServer.start()
        let pair = AWSPair()
        try await server.register(key: pair.keyId, as: "aws-ok", secret: pair.secret)
        let directory = try TemporaryDirectory(), reports = try TemporaryDirectory()
        try directory.write("deploy/aws.env", pair.file)
        let report = try Self.save(directory, reportIn: reports, showSecrets: false)
        try FileManager.default.removeItem(atPath: (directory.path as NSString).appendingPathComponent("deploy/aws.env"))
        let outcome = try CLIHarness.run(["verify", "--input", report, "--format", "json", "--verify-endpoint", "aws=\(server.baseURL.absoluteString)"],
                                         in: directory.path)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"status\" : \"unknown\""), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("not saved with --show-secrets) and deploy/aws.env:2 no longer exists"), "\(outcome.stdout)")
        #expect(try await server.requests(key: pair.keyId).isEmpty)
    }

    @Test func aFileThatIsNotAScanReportExitsThree() throws {
        let reports = try TemporaryDirectory()
        try reports.write("scan.json", "{\"findings\": []}")
        let outcome = try CLIHarness.run(["verify", "--input", (reports.path as NSString).appendingPathComponent("scan.json")])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("cannot use scan report"), "\(outcome.stderr)")
    }
}
