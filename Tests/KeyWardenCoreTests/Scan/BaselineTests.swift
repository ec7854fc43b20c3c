import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

@Suite struct BaselineTests {
    let keyA = "AKIAQWERTY7ABCD2EFGH"
    let keyB = "AKIAZ3KQ7PLM2XWRT5NB"

    func findings(_ text: String, path: String = "app.env") throws -> [Finding] {
        let scanner = try builtinScanner()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map { $0.placed(at: path) }
    }

    @Test func roundTripHidesExactlyTheBaselinedFindings() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/baseline.yaml"
        let before = try findings("A=\(keyA)\n")
        try Baseline(findings: before).write(to: file)
        let baseline = try Baseline.load(path: file)

        // The known secret moved down a line and into another file; a new secret took its line.
        let after = try findings("A=\(keyB)\nA=\(keyA)\n") + findings("A=\(keyA)\n", path: "other.env")
        let split = baseline.filter(after)
        #expect(split.reported.map(\.secret) == [keyB])
        #expect(split.hidden.map(\.secret) == [keyA, keyA])
    }

    @Test func fileIsSortedStableAndFreeOfLineNumbersAndTimestamps() throws {
        let all = try findings("A=\(keyA)\n", path: "z.env") + findings("\n\nB=\(keyB)\n", path: "a.env")
        let text = Baseline(findings: all).yaml()
        #expect(text == Baseline(findings: all.reversed()).yaml())
        #expect(text.contains("path: \"a.env\"") && text.range(of: "a.env")!.lowerBound < text.range(of: "z.env")!.lowerBound)
        #expect(!text.contains("\n    line"))
        #expect(!text.contains("2026") && !text.contains("date"))
        let fingerprintA = Fingerprint.of(rule: "aws-access-key-id", secret: keyA)
        #expect(text.contains("""
          - fingerprint: "\(fingerprintA)"
            rule: "aws-access-key-id"
            path: "z.env"

        """))
    }

    @Test func oneEntryPerFingerprintWhateverTheNumberOfPlaces() throws {
        let all = try findings("A=\(keyA)\n", path: "b.env") + findings("A=\(keyA)\n", path: "a.env")
        let baseline = Baseline(findings: all)
        #expect(baseline.entries.map(\.path) == ["a.env"])
    }

    @Test func notesSurviveRegeneration() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("baseline.yaml", """
            findings:
              - fingerprint: "\(Fingerprint.of(rule: "aws-access-key-id", secret: keyA))"
                rule: aws-access-key-id
                path: app.env
                note: "test account: revoked"
            """)
        let previous = try Baseline.load(path: file)
        let regenerated = Baseline(findings: try findings("A=\(keyA)\nB=\(keyB)\n"), keepingNotesFrom: previous)
        #expect(regenerated.entries.map(\.note) == ["test account: revoked", nil])
        #expect(try YAMLDocument.parse(regenerated.yaml(), file: "x").fields(required: ["findings"]).required("findings").list().count == 2)
    }

    @Test func twoBranchesAddingDifferentEntriesMergeWithoutConflict() throws {
        let repo = try GitTestRepository()
        let keyC = "AKIAJ4MX2QLZ7RV5KTPW"
        try repo.write("baseline.yaml", Baseline(findings: try findings("A=\(keyB)\n", path: "m.env")).yaml())
        try repo.commit("baseline")
        try repo.git(["checkout", "-q", "-b", "other"])
        try repo.write("baseline.yaml", Baseline(findings: try findings("A=\(keyB)\n", path: "m.env") + findings("A=\(keyA)\n", path: "z.env")).yaml())
        try repo.commit("other adds z")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("baseline.yaml", Baseline(findings: try findings("A=\(keyB)\n", path: "m.env") + findings("A=\(keyC)\n", path: "a.env")).yaml())
        try repo.commit("main adds a")
        try repo.git(["merge", "-q", "--no-edit", "other"])

        let merged = try Baseline.load(path: repo.path + "/baseline.yaml")
        #expect(merged.entries.map(\.path) == ["a.env", "m.env", "z.env"])
    }

    @Test func malformedEntryNamesFileLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("baseline.yaml", "findings:\n  - fingerprint: abc\n    rule: r\n    path: p\n")
        #expect {
            try Baseline.load(path: file)
        } throws: { error in
            guard let diagnostics = error as? DiagnosticError else { return false }
            return diagnostics.description.hasPrefix("\(file):2:18: error: expected a fingerprint")
        }
    }
}
