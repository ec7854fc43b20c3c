import Foundation
import KeyWardenSupport
import Testing

/// `keywarden scan -`: content piped in by pre-receive hooks and editors, reported as path `-`.
@Suite struct StandardInputScanTests {
    /// A GitHub token in the documented format, its CRC-32 checksum computed here: 30 random
    /// base62 characters and 6 of checksum.
    static func githubToken() -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        let body = (0..<30).map { _ in alphabet.randomElement()! }
        return "ghp_" + String(decoding: body + Base62.encode(UInt64(CRC32.checksum(body)), width: 6), as: UTF8.self)
    }

    @Test func aSecretPipedInIsFoundAtPathDash() throws {
        let token = Self.githubToken()
        let outcome = try CLIHarness.run(["scan", "-", "--format", "json"], input: Data("token=\(token)\n".utf8))
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["path"] as? String == "-")
        #expect(findings.first?["rule"] as? String == "github-token")
        #expect(findings.first?["line"] as? Int == 1)
        #expect(!outcome.stdout.contains(token))
    }

    @Test func cleanInputExitsZero() throws {
        let outcome = try CLIHarness.run(["scan", "-"], input: Data("just text\n".utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("no secrets found in 1 file"))
    }

    @Test func inputOverTheSizeLimitIsSkippedNotRead() throws {
        let outcome = try CLIHarness.run(["scan", "-", "--max-file-size", "1K"],
                                         input: Data(String(repeating: "x", count: 4096).utf8))
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("skipped -: file too large"))
    }

    @Test func dashCannotBeMixedWithPaths() throws {
        let outcome = try CLIHarness.run(["scan", "-", "Samples/"])
        #expect(outcome.status == 2)
    }
}
