import Foundation
import KeyWardenTestSupport
import Testing

/// A rule is data a user writes: no pattern may abort or hang a scan.
@Suite struct HostileRuleTests {
    func rulePack(id: String, pattern: String, example: String) -> String {
        """
        rules:
          - id: \(id)
            description: a custom rule
            severity: high
            pattern: '\(pattern)'
            examples: ['\(example)']
            negativeExamples: ['nothing here']
            noLiteralFactor: a test of patterns without literals
        """
    }

    /// vectorscan aborted ("buffer overflow detected") on these with start-of-match tracking
    /// once a file reached a few hundred bytes. (`q+z` rather than `x+y`: a run of x is a
    /// placeholder, never a finding.)
    @Test(arguments: [("a+b", "xaab", "caab "), ("q+z", "qqz", "wqqz "), ("(a|aa)+c", "aac", "zaac "), ("(a+)+b", "aab", "caab ")])
    func aPlainCustomPatternScansLargeFilesWithoutAborting(pattern: String, example: String, line: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("rules/custom.yaml", rulePack(id: "custom", pattern: pattern, example: example))
        try directory.write("tree/data.txt", String(repeating: line + "\n", count: 400))
        let rulesTest = try CLIHarness.run(["rules", "test", "--rules", directory.path + "/rules"])
        #expect(rulesTest.status == 0, "\(rulesTest.stderr)")
        let outcome = try CLIHarness.run(["scan", directory.path + "/tree", "--rules", directory.path + "/rules",
                                          "--no-cache", "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 400)
    }

    /// Catastrophic backtracking stops at PCRE2's match limit instead of hanging the scan.
    @Test func aBacktrackingPatternFinishes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rules/custom.yaml", rulePack(id: "nested", pattern: "(a|aa)+(?=c)\\w", example: "aac"))
        try directory.write("tree/data.txt", String(repeating: "a", count: 4000) + "b\n" + String(repeating: "a", count: 40) + "c\n")
        let outcome = try CLIHarness.run(["scan", directory.path + "/tree", "--rules", directory.path + "/rules", "--no-cache"])
        #expect(outcome.status == 0 || outcome.status == 1, "\(outcome.stderr)")
    }
}
