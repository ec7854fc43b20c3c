import Foundation
@testable import KeyWardenRules
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// gitleaks / betterleaks configs mapped onto keywarden rules and allowlists.
@Suite struct GitleaksConfigLoaderTests {
    @Test func mapsRulesAndAllowlists() throws {
        let config = try GitleaksConfigLoader.parse("""
        title = "team"

        [[rules]]
        id = "Acme_API_token"
        description = "ACME API token"
        regex = '''acme_(?:live|test)_([a-z0-9]{32})\\b'''
        entropy = 3.2
        keywords = ["ACME_LIVE_", "acme_test_"]
        tags = ["acme"]
        path = '''\\.env$'''
          [rules.allowlist]
          stopwords = ["Sample"]
          [[rules.allowlists]]
          condition = "and"
          regexTarget = "line"
          regexes = ['''(?i)example''']
          paths = ['''^docs/''']

        [[rules]]
        id = "widget"
        regex = '''widget=(?P<key>[A-Z0-9]{16})(x)?'''
        secretGroup = 1

        [allowlist]
        commits = ["ABCDEF0123456789ABCDEF0123456789ABCDEF01"]

        [[allowlists]]
        targetRules = ["widget", "generic-api-key"]
        regexTarget = "match"
        regexes = ['''^widget=TEST''']
        """, file: "team.toml")

        #expect(config.rules.map(\.rule.id) == ["gitleaks.acme-api-token", "gitleaks.widget"])
        let acme = config.rules[0]
        #expect(acme.gitleaksID == "Acme_API_token")
        #expect(acme.rule.pattern == #"acme_(?:live|test)_([a-z0-9]{32})\b"#)
        #expect(acme.rule.secretGroup == .firstMatched)  // gitleaks' first group that matched, when secretGroup is not set
        #expect(acme.rule.minEntropy == (3.2).nextUp)  // gitleaks wants more than 3.2 bits
        #expect(acme.rule.keywordScope == .item)
        #expect(acme.rule.keywords == ["acme_live_", "acme_test_"])
        #expect(acme.rule.standalone)
        #expect(acme.rule.severity == .high)
        #expect(acme.rule.location == SourceLocation(file: "team.toml", line: 3, column: 1))
        #expect(acme.rule.patternLocation == SourceLocation(file: "team.toml", line: 6, column: 9))
        #expect(acme.path?.pattern == #"\.env\z"#)
        #expect(acme.allowlists.count == 2)
        #expect(acme.allowlists[0].stopwords == ["sample"])
        #expect(acme.allowlists[1].condition == .and)
        #expect(acme.allowlists[1].target == .line)
        #expect(acme.allowlists[1].paths.map(\.pattern) == [#"\Adocs/"#])
        let widget = config.rules[1]
        #expect(widget.rule.secretGroup == .number(1))
        #expect(widget.rule.pattern == #"widget=(?<key>[A-Z0-9]{16})(x)?"#)
        #expect(config.allowlists.count == 2)
        #expect(config.allowlists[0].commits == ["abcdef0123456789abcdef0123456789abcdef01"])
        // A target the config defines is named by its mapped id; gitleaks' default rule ids stay as written.
        #expect(config.allowlists[1].targetRules == ["gitleaks.widget", "generic-api-key"])
        #expect(config.allowlists[1].target == .match)
    }

    @Test(arguments: [
        // The column points at the character inside the literal regex.
        ("[[rules]]\nid = \"a\"\nregex = 'token(?=x)'\n", 3, 15, "lookahead"),
        ("[[rules]]\nid = \"a\"\nregex = '''(\\w+)\\1'''\n", 3, 17, "backreference"),
        ("[[rules]]\nid = \"a\"\nregex = 'k\\Z'\n", 3, 11, "\\Z"),
        ("[[rules]]\nid = \"a\"\nregex = '(?U)k+'\n", 3, 12, "ungreedy"),
        ("[[rules]]\nid = \"a\"\nregex = 'a'\nsecretGroup = 2\n", 4, 15, "has 0 capture groups"),
        ("[[rules]]\nid = \"a\"\nregex = 'a'\nentropy = 9\n", 4, 11, "between 0 and 8"),
        ("[[rules]]\nid = \"a\"\nregx = 'a'\n", 3, 8, "did you mean 'regex'"),
        ("[[rules]]\ndescription = \"x\"\n", 1, 1, "needs an id"),
        ("[[rules]]\nid = \"a\"\n", 1, 1, "needs a regex"),
        ("[[rules]]\nid = \"a\"\nregex = 'a'\nregexTarget = \"line\"\n", 4, 15, "only regexTarget"),
        ("[[rules]]\nid = \"a\"\nregex = 'a'\n[[rules.required]]\nid = \"b\"\n", 4, 1, "composite rules"),
        ("[allowlist]\ndescription = \"nothing\"\n", 1, 1, "at least one of"),
        ("[allowlist]\ncondition = \"XOR\"\nstopwords = ['a']\n", 2, 13, "OR or AND"),
        ("[allowlist]\nregexTarget = \"file\"\nstopwords = ['a']\n", 2, 15, "secret, match or line"),
        ("[allowlist]\npaths = ['''(?<=x)y''']\n", 2, 13, "lookbehind"),
        ("[extend]\nurl = \"https://example.com/x.toml\"\n", 2, 7, "not fetched"),
        ("[[rules]]\nid = \"a_b\"\nregex = 'a'\n[[rules]]\nid = \"a-b\"\nregex = 'b'\n", 4, 1, "same keywarden id"),
    ])
    func locatesWhatCannotBeMapped(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(throws: DiagnosticError.self) { try GitleaksConfigLoader.parse(text, file: "g.toml") }
        #expect(error.diagnostics.first?.location == SourceLocation(file: "g.toml", line: line, column: column), "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }

    /// What gitleaks' own default config and configs extending it hold, and keywarden cannot use,
    /// is left out with a located warning: a copy of the default config still loads.
    @Test func pathOnlyRulesAndDefaultRuleChangesAreLeftOutWithAWarning() throws {
        let config = try GitleaksConfigLoader.parse(#"""
            [extend]
            useDefault = true

            [[rules]]
            id = "pkcs12-file"
            path = '''(?i)(?:^|/)[^/]+\.p(?:12|fx)$'''

            [[rules]]
            id = "generic-api-key"
            [[rules.allowlists]]
            stopwords = ["placeholder"]

            [[rules]]
            id = "acme"
            regex = '''acme_[a-z0-9]{20}'''
            """#, file: "g.toml")
        #expect(config.rules.map(\.gitleaksID) == ["acme"])
        #expect(config.warnings.map(\.location) == [SourceLocation(file: "g.toml", line: 4, column: 1),
                                                    SourceLocation(file: "g.toml", line: 8, column: 1)])
        #expect(config.warnings.allSatisfy { $0.severity == .warning })
        #expect(config.warnings.first?.message.contains("path-only rule") == true)
        #expect(config.warnings.last?.message.contains("gitleaks' default rule") == true)
    }

    @Test func followsExtendPathAndMergesLikeGitleaks() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base/base.toml", """
        [[rules]]
        id = "acme"
        description = "base description"
        regex = '''acme_[a-z0-9]{20}'''
        keywords = ["acme_"]
        [[rules.allowlists]]
        stopwords = ["basestop"]

        [[rules]]
        id = "old"
        regex = '''old_[a-z]{10}'''

        [[rules]]
        id = "kept"
        regex = '''kept_[a-z]{10}'''

        [allowlist]
        paths = ['''vendor/''']
        """)
        try directory.write("team/.gitleaks.toml", """
        [extend]
        path = "../base/base.toml"
        disabledRules = ["old"]

        [[rules]]
        id = "acme"
        entropy = 2.5
        keywords = ["acmecorp"]
        [[rules.allowlists]]
        stopwords = ["teamstop"]
        """)
        let config = try GitleaksConfigLoader.load(path: directory.path + "/team/.gitleaks.toml")
        #expect(config.rules.map(\.gitleaksID) == ["acme", "kept"])
        let acme = config.rules[0]
        #expect(acme.rule.pattern == "acme_[a-z0-9]{20}")
        #expect(acme.rule.description == "base description")
        #expect(acme.rule.minEntropy == (2.5).nextUp)
        #expect(acme.rule.keywords == ["acme_", "acmecorp"])
        #expect(acme.allowlists.flatMap(\.stopwords) == ["basestop", "teamstop"])
        #expect(config.allowlists.count == 1)
        #expect(config.files.map { ($0 as NSString).lastPathComponent } == ["base.toml", ".gitleaks.toml"])
    }

    @Test func anExtendCycleIsAnErrorAtItsPath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.toml", "[extend]\npath = \"b.toml\"\n")
        try directory.write("b.toml", "# loops back\n[extend]\n  path = \"./a.toml\"\n")
        let error = try #require(throws: DiagnosticError.self) { try GitleaksConfigLoader.load(path: directory.path + "/a.toml") }
        #expect(error.diagnostics.first?.location == SourceLocation(file: directory.path + "/b.toml", line: 3, column: 10), "\(error)")
        #expect(error.description.contains("leads back"))
    }

    @Test func aMissingExtendPathIsAnErrorAtItsPath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.toml", "[extend]\npath = \"gone.toml\"\n")
        let error = try #require(throws: DiagnosticError.self) { try GitleaksConfigLoader.load(path: directory.path + "/a.toml") }
        #expect(error.diagnostics.first?.location == SourceLocation(file: directory.path + "/a.toml", line: 2, column: 8), "\(error)")
        #expect(error.description.contains("no such file"))
    }
}
