import Foundation
import KeyWardenFuzzTargets
@testable import KeyWardenScan
import Testing

@Suite struct FindingOrderTests {
    /// The one-pass history order sorts as report order both ways, then date and commit, did:
    /// on findings that tie on every field but one, in every combination.
    @Test func historyOrderIsReportOrderThenDateThenCommit() {
        var generator = Mutator(seed: 11)
        let dates = [Date(timeIntervalSince1970: 1_600_000_000), Date(timeIntervalSince1970: 1_700_000_000)]
        let findings = (0..<600).map { _ -> Finding in
            let git = Bool.random(using: &generator) ? nil
                : GitProvenance(commit: ["a1", "b2", "c3"].randomElement(using: &generator)!, author: "x", email: "x@example.com",
                                date: dates.randomElement(using: &generator)!, presentAtHead: false)
            return Finding(rule: ["r1", "r2"].randomElement(using: &generator)!, description: "d", severity: .high,
                           path: ["a/x.go", "a/y.go", "b.go"].randomElement(using: &generator)!,
                           line: Int.random(in: 1...2, using: &generator), column: Int.random(in: 1...2, using: &generator),
                           endLine: 1, endColumn: 1, secret: "s", fingerprint: ["f1", "f2"].randomElement(using: &generator)!,
                           entropy: 0, git: git)
        }
        let twoPass = findings.sorted { a, b in
            if Finding.reportOrder(a, b) { return true }
            if Finding.reportOrder(b, a) { return false }
            return (a.git?.date ?? .distantPast, a.git?.commit ?? "") < (b.git?.date ?? .distantPast, b.git?.commit ?? "")
        }
        let onePass = findings.sorted(by: Finding.historyOrder)
        let firstDifference = zip(onePass, twoPass).first { $0.identity != $1.identity }
        #expect(firstDifference == nil, "\(firstDifference.map { "\($0.identity) where \($1.identity)" } ?? "")")
        #expect(Set(findings.map(\.identity)).count > 100) // the corpus has ties and differences on every field
    }
}

private extension Finding {
    var identity: String { "\(path) \(line) \(column) \(rule) \(fingerprint) \(git?.date.timeIntervalSince1970 ?? 0) \(git?.commit ?? "-")" }
}
