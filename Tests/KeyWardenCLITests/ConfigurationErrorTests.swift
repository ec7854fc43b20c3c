import Foundation
import KeyWardenTestSupport
import Testing

@Suite struct ConfigurationErrorTests {
    @Test func malformedRuleYAMLNamesTheLocationAndExitsTwo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rules/broken.yaml", "rules:\n  - id: a\n    pattern: 'x\n")
        let outcome = try CLIHarness.run(["rules", "test", "--rules", directory.path + "/rules"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(directory.path + "/rules/broken.yaml:"))
        #expect(outcome.stderr.contains("malformed YAML"))
    }

    @Test func aBadRegexNamesTheRuleAndExitsTwo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rules/bad.yaml", """
        rules:
          - id: unbalanced
            description: broken pattern
            severity: high
            pattern: 'token=(abc'
            examples: ['token=abc']
            negativeExamples: ['nothing']
        """)
        let outcome = try CLIHarness.run(["scan", directory.path, "--rules", directory.path + "/rules"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(directory.path + "/rules/bad.yaml:5:14: error: rule 'unbalanced': pattern rejected by"))
    }

    @Test func anUnknownConfigKeyExitsTwoWithASuggestion() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".keywarden.yaml", "skipPaths: [a/]\nallow:\n  stopword: [x]\n")
        let outcome = try CLIHarness.run(["scan", directory.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(directory.path + "/.keywarden.yaml:3:3: error: unknown key 'stopword' (did you mean 'stopwords'?)"))
    }

    @Test func configSkipsPathsAllowsValuesAndDisablesRules() throws {
        let directory = try TemporaryDirectory()
        let token = "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"
        try directory.write("fixtures/a.txt", "t = \(token)\n")
        try directory.write("src/b.txt", "t = \(token)\nkey = Zx8KqP2mN7vB4cR9tY6wQ1eL3\nstripe = sk_live_Qx7Zr2Kp9Wm4Xv8Lq1Ns6Bd3\n")
        try directory.write("custom/extra.yaml", """
        rules:
          - id: house-token
            description: in-house token
            severity: low
            pattern: '\\bhouse_[0-9]{6}\\b'
            examples: ['house_123456']
            negativeExamples: ['house_12']
        """)
        try directory.write("src/c.txt", "house_481516\n")
        try directory.write(".keywarden.yaml", """
        skipPaths: [fixtures/]
        allow:
          regexes: ['^sk_live_Qx7Z']
        disableRules: [generic-secret-assignment]
        ruleDirectories: [custom]
        """)
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["path"]!) \($0["rule"]!)" } == [
            directory.path + "/src/b.txt github-token",
            directory.path + "/src/c.txt house-token",
        ])
    }

    /// A configuration that only disables rules switches them off in the compiled catalogue: no
    /// compile (half a minute on a fresh CI runner) and no cache entry of its own.
    @Test func disablingRulesUsesTheCatalogueCompiledAlready() throws {
        CLIHarness.builtinRulesCompiled
        // A cache of this test's own, holding the run's compiled entries (the catalogue's among them).
        let home = try TemporaryDirectory()
        let cache = home.path + "/keywarden"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for entry in try FileManager.default.contentsOfDirectory(atPath: TestRunCache.directory) where !entry.hasSuffix(".lock") {
            try FileManager.default.copyItem(atPath: TestRunCache.directory + "/" + entry, toPath: cache + "/" + entry)
        }
        func databases() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".hsdb") }) }
        let before = try databases()

        let directory = try TemporaryDirectory()
        try directory.write("src/b.txt", "t = 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\nstripe = sk_live_Qx7Zr2Kp9Wm4Xv8Lq1Ns6Bd3\n")
        try directory.write(".keywarden.yaml", "disableRules: [github-token]\n")
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "json"], environment: ["XDG_CACHE_HOME": home.path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["rule"] as? String } == ["stripe-live-key"])
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(!rules.contains { $0["id"] as? String == "github-token" } && !rules.isEmpty)
        #expect(try databases() == before)
    }

    @Test func disablingAnUnknownRuleIsAnError() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".keywarden.yaml", "disableRules: [github-tokn]\n")
        let outcome = try CLIHarness.run(["scan", directory.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot disable unknown rule 'github-tokn' (did you mean 'github-token'?)"))
    }

    @Test func shippedRulesPassTheirSelfTest() throws {
        let outcome = try CLIHarness.run(["rules", "test"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains(" 0 failed"))
    }

    @Test func aFailingExampleMakesRulesTestExitOne() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rules/wrong.yaml", """
        rules:
          - id: too-strict
            description: example that cannot match
            severity: low
            pattern: 'abc[0-9]{4}'
            examples: ['abc12']
            negativeExamples: ['xyz']
        """)
        let outcome = try CLIHarness.run(["rules", "test", "--rules", directory.path + "/rules"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("rule 'too-strict': example does not match: \"abc12\""))
    }
}
