import Foundation
@testable import KeyWardenMatching
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import Testing

/// A gitleaks config's rules, allowlists and `.gitleaksignore` applied by the scan.
@Suite struct GitleaksFindingFilterTests {
    static let toml = """
    [[rules]]
    id = "acme-token"
    regex = '''acme_[a-z0-9]{24}'''
    keywords = ["acme_"]

    [[rules]]
    id = "widget_key"
    description = "Widget key"
    regex = '''(?i)widget[_-]?key\\s*[:=]\\s*['"]([A-Za-z0-9]{20})['"]'''
    entropy = 3.0
    path = '''\\.(py|env)$'''
    [[rules.allowlists]]
    regexTarget = "line"
    regexes = ['''#\\s*fixture''']
    [[rules.allowlists]]
    condition = "AND"
    paths = ['''^tests/''']
    stopwords = ["test"]

    [allowlist]
    paths = ['''(^|/)vendor/''']
    stopwords = ["sample"]

    [[allowlists]]
    targetRules = ["acme-token"]
    regexTarget = "match"
    regexes = ['''^acme_0{4}''']
    """

    /// Findings of `text` at `path`, before the filter: scanned with the config's rules alone.
    func scan(_ text: String, at path: String, config: GitleaksConfig, extra: [Rule] = []) throws -> [Finding] {
        var configuration = ScanConfiguration()
        configuration.gitleaks = config
        let scanner = try SecretScanner(compiled: CompiledRuleSet(RuleSet(config.rules.map(\.rule) + extra)), configuration: configuration,
                                        workers: 1)
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker(), paths: [path]).map { finding in
            var placed = finding
            placed.path = path
            return placed
        }
    }

    func reported(_ text: String, at path: String, ignore: GitleaksIgnore? = nil, roots: [String] = ["."]) throws -> [String] {
        let config = try GitleaksConfigLoader.parse(Self.toml, file: "g.toml")
        let filter = try GitleaksFindingFilter(config: config, ignore: ignore, roots: roots, ruleIDs: Set(config.rules.map(\.rule.id)))
        return filter.apply(try scan(text, at: path, config: config)).kept.map { "\($0.rule):\($0.line):\($0.secret)" }
    }

    let widget = "Zq8Lm2Xv9Rt4Bn7Kc3Wd"
    let acme = "acme_k3j9x2m4q8w7e5r1t6y0u2i9"

    @Test func reportsWhatTheRulesFind() throws {
        #expect(try reported("WIDGET_KEY = \"\(widget)\"\ntoken: \(acme)\n", at: "src/app.py")
            == ["gitleaks.widget-key:1:\(widget)", "gitleaks.acme-token:2:\(acme)"])
    }

    @Test func aRulePathScopesItsFindings() throws {
        #expect(try reported("widget_key = '\(widget)'\n", at: "src/app.js").isEmpty)
        #expect(try reported("widget_key = '\(widget)'\n", at: "deploy/.env").count == 1)
    }

    @Test func lineTargetTestsTheWholeLine() throws {
        #expect(try reported("widget_key = '\(widget)'  # fixture data\n", at: "src/app.py").isEmpty)
        #expect(try reported("widget_key = '\(widget)'\n# fixture data\n", at: "src/app.py").count == 1)
    }

    @Test func andConditionNeedsEveryCheck() throws {
        let testWidget = "Zq8Lm2Xv9TestBn7Kc3W"
        #expect(try reported("widget_key = '\(testWidget)'\n", at: "tests/app.py").isEmpty)
        #expect(try reported("widget_key = '\(testWidget)'\n", at: "src/app.py").count == 1)
        #expect(try reported("widget_key = '\(widget)'\n", at: "tests/app.py").count == 1)
    }

    @Test func globalAllowlistsCoverEveryRuleOrTheirTargets() throws {
        #expect(try reported("t = \(acme)\n", at: "third/vendor/lib.py").isEmpty)
        #expect(try reported("t = \(acme)\n", at: "third/vendors/lib.py").count == 1)
        #expect(try reported("t = acme_sample9x2m4q8w7e5r1t6yab\n", at: "src/a.txt").isEmpty)
        // targetRules: only the ACME rule, on its whole match.
        #expect(try reported("t = acme_0000x2m4q8w7e5r1t6y0u2ab\n", at: "src/a.txt").isEmpty)
        #expect(try reported("t = acme_0001x2m4q8w7e5r1t6y0u2ab\n", at: "src/a.txt").count == 1)
    }

    @Test func pathsAreTestedRelativeToTheScanRoot() throws {
        #expect(try reported("widget_key = '\(widget)'\n", at: "/work/app/tests/x.py", roots: ["/work/app/"]).count == 1)
        let testWidget = "Zq8Lm2Xv9TestBn7Kc3W"
        #expect(try reported("widget_key = '\(testWidget)'\n", at: "/work/app/tests/x.py", roots: ["/work/app/"]).isEmpty)
    }

    @Test func gitleaksIgnoreFingerprintsHideFindings() throws {
        let text = "WIDGET_KEY = \"\(widget)\"\ntoken: \(acme)\n"
        let ignore = try GitleaksIgnore.parse("""
        # reviewed 2026-11
        src/app.py:acme-token:2
        src/app.py:widget_key:7
        """, file: ".gitleaksignore")
        #expect(try reported(text, at: "src/app.py", ignore: ignore) == ["gitleaks.widget-key:1:\(widget)"])
        #expect(try reported(text, at: "src/other.py", ignore: ignore).count == 2)
    }

    @Test func historyFingerprintsNeedTheirCommit() throws {
        let config = try GitleaksConfigLoader.parse(Self.toml, file: "g.toml")
        let commit = "0123456789abcdef0123456789abcdef01234567"
        let ignore = try GitleaksIgnore.parse("\(commit):src/app.py:acme-token:1\n", file: ".gitleaksignore")
        let filter = try GitleaksFindingFilter(config: config, ignore: ignore, roots: ["."], ruleIDs: [])
        var finding = try #require(try scan("t = \(acme)\n", at: "src/app.py", config: config).first)
        #expect(filter.apply([finding]).hidden == 0)
        finding.git = GitProvenance(commit: commit.uppercased(), author: "a", email: "a@example.com", date: Date(timeIntervalSince1970: 0),
                                    presentAtHead: true)
        #expect(filter.apply([finding]).hidden == 1)
    }

    /// A fingerprint naming one of gitleaks' default rules (which keywarden does not have) hides the
    /// built-in finding at that file and line; one naming a keywarden rule hides only that rule's.
    @Test func fingerprintsOfOtherRulesHideBuiltInFindingsAtTheirLine() throws {
        let builtin = Finding(rule: "github-token", description: "d", severity: .critical, path: "src/app.py", line: 3, column: 1,
                              endLine: 3, endColumn: 40, secret: "x", entropy: 4)
        let filter = { (text: String) in
            try GitleaksFindingFilter(config: nil, ignore: GitleaksIgnore.parse(text, file: "i"), roots: ["."],
                                      ruleIDs: ["github-token", "slack-token"])
        }
        #expect(try filter("src/app.py:github-pat:3").apply([builtin]).hidden == 1)
        #expect(try filter("src/app.py:github-token:3").apply([builtin]).hidden == 1)
        #expect(try filter("src/app.py:slack-token:3").apply([builtin]).hidden == 0)
        #expect(try filter("src/app.py:github-pat:4").apply([builtin]).hidden == 0)
    }

    @Test(arguments: ["src/a.py:rule", "src/a.py:rule:x", ":rule:3", "src/a.py::3"])
    func malformedFingerprintsAreLocatedErrors(_ line: String) throws {
        let error = try #require(throws: DiagnosticError.self) { try GitleaksIgnore.parse("# ok\n\(line)\n", file: ".gitleaksignore") }
        #expect(error.diagnostics.first?.location == SourceLocation(file: ".gitleaksignore", line: 2, column: 1))
    }

    @Test func fingerprintsWithColonsInTheFileName() {
        #expect(GitleaksIgnore.entry("c:/x:y.txt:r:4") == GitleaksIgnore.Entry(commit: nil, file: "c:/x:y.txt", rule: "r", line: 4))
    }

    /// A team's rule reports its match even where a built-in rule finds the same value, and does
    /// not hide the built-in finding either.
    @Test func mappedRulesStandAlone() throws {
        let config = try GitleaksConfigLoader.parse(Self.toml, file: "g.toml")
        let builtin = try RulePackLoader.parse(pack(id: "acme-builtin", pattern: #"\b(acme_[a-z0-9]{24})\b"#, extra: "secretGroup: 1"),
                                               file: "p.yaml")
        let found = try scan("t = \(acme)\n", at: "a.txt", config: config, extra: builtin)
        #expect(found.map(\.rule).sorted() == ["acme-builtin", "gitleaks.acme-token"])
    }

    /// gitleaks drops its generic rule's finding where a specific rule found the same secret on the line.
    @Test func theGenericRuleGivesWayToSpecificOnesOnTheSameLine() throws {
        let config = try GitleaksConfigLoader.parse(#"""
            [[rules]]
            id = "generic-secret"
            regex = '''(?i)secret\s*=\s*"([A-Za-z0-9_]{10,})"'''

            [[rules]]
            id = "acme-token"
            regex = '''acme_[a-z0-9]{24}'''
            """#, file: "g.toml")
        let filter = try GitleaksFindingFilter(config: config, ignore: nil, roots: ["."], ruleIDs: [])
        let text = "secret = \"\(acme)\"\nsecret = \"Zq8Lm2Xv9Rt4Bn7Kc3Wd\"\n"
        let kept = filter.apply(try scan(text, at: "a.py", config: config)).kept
        #expect(kept.map { "\($0.rule):\($0.line)" } == ["gitleaks.acme-token:1", "gitleaks.generic-secret:2"])
    }

    /// gitleaks counts a finding's line where its match starts; keywarden reports the secret's line.
    /// A fingerprint of either hides it.
    @Test func fingerprintsMayCountTheLineTheMatchStartsOn() throws {
        let config = try GitleaksConfigLoader.parse(#"""
            [[rules]]
            id = "wrapped"
            regex = '''deploy_token\s*=\s*\n\s*([a-z0-9]{20})'''
            """#, file: "g.toml")
        let findings = try scan("x = 1\ndeploy_token =\n    q8lm2xv9rt4bn7kc3wd1\n", at: "ci.cfg", config: config)
        #expect(findings.map(\.line) == [3])
        for line in [2, 3] {
            let ignore = try GitleaksIgnore.parse("ci.cfg:wrapped:\(line)\n", file: "i")
            #expect(try GitleaksFindingFilter(config: config, ignore: ignore, roots: ["."], ruleIDs: []).apply(findings).hidden == 1)
        }
        let other = try GitleaksIgnore.parse("ci.cfg:wrapped:1\n", file: "i")
        #expect(try GitleaksFindingFilter(config: config, ignore: other, roots: ["."], ruleIDs: []).apply(findings).hidden == 0)
    }

    /// Without secretGroup, gitleaks' secret is the first group that matched something.
    @Test func theSecretIsTheFirstGroupThatMatched() throws {
        let config = try GitleaksConfigLoader.parse(#"""
            [[rules]]
            id = "either"
            regex = '''(?:alpha_key=([A-Za-z0-9]{16})|beta_key=([A-Za-z0-9]{16}))'''
            """#, file: "g.toml")
        let found = try scan("alpha_key=Zq8Lm2Xv9Rt4Bn7K\nbeta_key=Wd3Kc7Bn4Rt9Xv2M\n", at: "a.env", config: config)
        #expect(found.map(\.secret) == ["Zq8Lm2Xv9Rt4Bn7K", "Wd3Kc7Bn4Rt9Xv2M"])
    }

    /// gitleaks runs a rule with keywords on a file that has one anywhere, not only in the match.
    @Test func keywordsAreLookedForInTheWholeItem() throws {
        let config = try GitleaksConfigLoader.parse(#"""
            [[rules]]
            id = "hook"
            regex = '''\b[0-9a-f]{32}\b'''
            keywords = ["DeployHook"]
            """#, file: "k.toml")
        let value = "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c"
        #expect(try scan("# deployhook settings\nsecret = \(value)\n", at: "a.ini", config: config).count == 1)
        #expect(try scan("# webhook settings\nsecret = \(value)\n", at: "a.ini", config: config).isEmpty)
    }

    @Test func regexesPCRE2RejectsAreLocatedErrors() throws {
        var config = GitleaksConfig()
        var list = GitleaksAllowlist(location: SourceLocation(file: "g.toml", line: 1, column: 1))
        list.regexes = [GitleaksPattern(pattern: "(unclosed", location: SourceLocation(file: "g.toml", line: 4, column: 12))]
        config.allowlists = [list]
        let error = try #require(throws: DiagnosticError.self) {
            try GitleaksFindingFilter(config: config, ignore: nil, roots: ["."], ruleIDs: [])
        }
        #expect(error.diagnostics.first?.location == SourceLocation(file: "g.toml", line: 4, column: 12))
    }
}
