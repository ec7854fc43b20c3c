import Foundation
import KeyWardenTestSupport
import Testing

/// `keywarden rules profile`: every rule of the set appears with its own match count and whether
/// it has a literal factor (the times themselves are the benchmark's business, not a test's).
@Suite struct RulesProfileTests {
    @Test func eachRuleIsProfiledAloneWithItsMatches() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rules/pack.yaml", """
            rules:
              - id: qz-token
                description: a literal-anchored token
                severity: high
                pattern: 'qz_[0-9]{8}'
                examples: ['qz_12345678']
                negativeExamples: ['qz_1234']
              - id: long-word
                description: a bare character-class run
                severity: low
                pattern: '\\b[A-Za-z]{30}\\b'
                noLiteralFactor: a test of a rule without a literal
                examples: ['abcdefghijabcdefghijabcdefghij']
                negativeExamples: ['short']
            """)
        let word = "Loremipsumdolorsitametconsecte"  // 30 letters
        try directory.write("corpus/a.txt", "token qz_40917731 here\n\(word) and qz_77120034\n")
        try directory.write("corpus/b.txt", "nothing\n")
        let outcome = try CLIHarness.run(["rules", "profile", directory.path + "/corpus", "--rules", directory.path + "/rules", "--top", "0"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(outcome.stdout.hasPrefix("2 rules over 2 files"))
        let token = try #require(rows.first { $0.first == "qz-token" })
        #expect(token.suffix(2) == ["2", "yes"])
        let long = try #require(rows.first { $0.first == "long-word" })
        #expect(long.suffix(2) == ["1", "no"])
    }
}
