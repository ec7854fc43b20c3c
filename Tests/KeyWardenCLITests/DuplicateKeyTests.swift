import Foundation
import KeyWardenTestSupport
import Testing

/// A saved report whose JSON repeats a key could hide a finding (the decoder keeps one of the
/// two): `report --input` and `audit --findings` refuse it, naming the key and where it is.
@Suite struct DuplicateKeyTests {
    static let token = "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"

    /// A real saved scan with one finding, then the same document with an empty `findings`
    /// added after the real one.
    func reports() throws -> (directory: TemporaryDirectory, honest: String, forged: String) {
        let directory = try TemporaryDirectory()
        try directory.write("tree/app.env", "GITHUB_TOKEN=\(Self.token)\n")
        let scan = try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json", "--now", "2026-11-20T00:00:00Z"])
        #expect(scan.status == 1)
        let honest = try directory.write("scan.json", scan.stdout)
        var text = scan.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        text.removeLast()  // the closing brace
        let forged = try directory.write("forged.json", text + ",\n  \"findings\" : []\n}\n")
        return (directory, honest, forged)
    }

    @Test func reportRefusesARepeatedKeyInsteadOfDroppingFindings() throws {
        let (directory, honest, forged) = try reports()
        defer { withExtendedLifetime(directory) {} }
        #expect(try CLIHarness.run(["report", "--input", honest, "--fail-on", "high"]).status == 1)
        let outcome = try CLIHarness.run(["report", "--input", forged, "--fail-on", "high"])
        #expect(outcome.status == 3, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stderr.contains("duplicate key 'findings' at line"), "\(outcome.stderr)")
    }

    @Test func auditFindingsRefusesARepeatedKey() throws {
        let (directory, _, forged) = try reports()
        defer { withExtendedLifetime(directory) {} }
        let outcome = try CLIHarness.run(["audit", "--policy", "Samples/policies/trading-desk.yaml", "--now", "2026-11-20T00:00:00Z",
                                          "--inventory", "Samples/inventory/okx-main.json", "--findings", forged])
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("duplicate key 'findings'"), "\(outcome.stderr)")
    }
}
