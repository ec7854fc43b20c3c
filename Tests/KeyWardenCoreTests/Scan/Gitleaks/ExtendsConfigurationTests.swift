import Foundation
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// `extends:` in `.keywarden.yaml`: gitleaks configs relative to the config file.
@Suite struct ExtendsConfigurationTests {
    @Test func readsOneConfigOrAList() throws {
        let directory = try TemporaryDirectory()
        try directory.write("security/.gitleaks.toml", "[[rules]]\nid = \"a\"\nregex = '''a_[0-9]{8}'''\n[allowlist]\nstopwords = ['x']\n")
        try directory.write("security/extra.toml", "[[rules]]\nid = \"b\"\nregex = '''b_[0-9]{8}'''\n")
        try directory.write("one/.keywarden.yaml", "extends: ../security/.gitleaks.toml\n")
        try directory.write("two/.keywarden.yaml", "extends: [../security/.gitleaks.toml, ../security/extra.toml]\n")
        let one = try ScanConfiguration.load(path: directory.path + "/one/.keywarden.yaml")
        #expect(one.gitleaks?.rules.map(\.rule.id) == ["gitleaks.a"])
        #expect(one.gitleaks?.allowlists.count == 1)
        let two = try ScanConfiguration.load(path: directory.path + "/two/.keywarden.yaml")
        #expect(two.gitleaks?.rules.map(\.rule.id) == ["gitleaks.a", "gitleaks.b"])
        #expect(ScanConfiguration().gitleaks == nil)
    }

    @Test func aMissingConfigIsAnErrorAtTheEntry() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".keywarden.yaml", "skipPaths: []\nextends:\n  - gone.toml\n")
        let error = try #require(throws: DiagnosticError.self) { try ScanConfiguration.load(path: directory.path + "/.keywarden.yaml") }
        #expect(error.diagnostics.first?.location == SourceLocation(file: directory.path + "/.keywarden.yaml", line: 3, column: 5))
        #expect(error.description.contains("no gitleaks config"))
    }

    @Test func errorsInTheGitleaksConfigNameItsFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("g.toml", "[[rules]]\nid = \"a\"\nregex = '''x(?!y)'''\n")
        try directory.write(".keywarden.yaml", "extends: g.toml\n")
        let error = try #require(throws: DiagnosticError.self) { try ScanConfiguration.load(path: directory.path + "/.keywarden.yaml") }
        #expect(error.diagnostics.first?.location == SourceLocation(file: directory.path + "/g.toml", line: 3, column: 13))
    }

    @Test func discoveryReadsTheRootsGitleaksIgnore() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".gitleaksignore", "src/a.py:acme:3\n")
        let configuration = try ScanConfiguration.discover(explicit: nil, roots: [directory.path])
        #expect(configuration.gitleaksIgnore?.entries == [GitleaksIgnore.Entry(commit: nil, file: "src/a.py", rule: "acme", line: 3)])
    }
}
