@testable import KeyWardenRules
@testable import KeyWardenSupport
import Testing

/// The TOML subset gitleaks and betterleaks configs are written in, read with locations.
@Suite struct TOMLReaderTests {
    func string(_ node: TOMLNode?) -> String? {
        if case .string(let text)? = node?.value { return text }
        return nil
    }
    func table(_ node: TOMLNode?) -> TOMLTable? {
        if case .table(let table)? = node?.value { return table }
        return nil
    }
    func array(_ node: TOMLNode?) -> [TOMLNode]? {
        if case .array(let list)? = node?.value { return list }
        return nil
    }

    @Test func readsAGitleaksStyleConfig() throws {
        let root = try TOMLReader.parse("""
        # team rules
        title = "acme secrets"

        [extend]
        useDefault = true

        [[rules]]
        id = "acme-api-token"
        description = "ACME API token"
        regex = '''acme_(?:live|test)_([a-z0-9]{32})'''
        secretGroup = 1
        entropy = 3.5
        keywords = [
            "acme_live_",  # production
            "acme_test_",
        ]
        tags = ["acme", "token"]

            [[rules.allowlists]]
            condition = "AND"
            regexTarget = "line"
            regexes = ['''(?i)example''']
            paths = ["^docs/"]

        [[rules]]
        id = "widget-key"
        regex = "widget[_-]key\\\\s*=\\\\s*\\"([A-Za-z0-9]{20})\\""
        [rules.allowlist]
        stopwords = ['dummy']

        [allowlist]
        description = "global"
        commits = [ "0123456789abcdef0123456789abcdef01234567" ]
        """, file: "g.toml")

        #expect(string(root["title"]) == "acme secrets")
        guard case .bool(true)? = table(root["extend"])?["useDefault"]?.value else { Issue.record("useDefault"); return }
        let rules = try #require(array(root["rules"]))
        #expect(rules.count == 2)
        let first = try #require(table(rules[0]))
        #expect(first.keys == ["id", "description", "regex", "secretGroup", "entropy", "keywords", "tags", "allowlists"])
        #expect(string(first["regex"]) == "acme_(?:live|test)_([a-z0-9]{32})")
        guard case .integer(1)? = first["secretGroup"]?.value, case .float(3.5)? = first["entropy"]?.value else {
            Issue.record("numbers"); return
        }
        #expect(array(first["keywords"])?.compactMap(string) == ["acme_live_", "acme_test_"])
        let allowlists = try #require(array(first["allowlists"]))
        #expect(allowlists.count == 1)
        let allowlist = try #require(table(allowlists[0]))
        #expect(string(allowlist["condition"]) == "AND")
        #expect(allowlist["regexes"]?.location == SourceLocation(file: "g.toml", line: 22, column: 15))
        // The allowlist table belongs to the second rule, not to the first.
        let second = try #require(table(rules[1]))
        #expect(string(second["regex"]) == #"widget[_-]key\s*=\s*"([A-Za-z0-9]{20})""#)
        #expect(table(second["allowlist"])?["stopwords"] != nil)
        #expect(first["allowlist"] == nil)
        #expect(array(table(root["allowlist"])?["commits"])?.count == 1)
    }

    @Test func keepsLocationsForRegexErrors() throws {
        let root = try TOMLReader.parse("""
        [[rules]]
        id = "x"
          regex = 'ab(?=c)'
        path = '''^a/'''
        """, file: "c.toml")
        let rule = try #require(table(array(root["rules"])?.first))
        let regex = try #require(rule["regex"])
        #expect(regex.location == SourceLocation(file: "c.toml", line: 3, column: 11))
        // A literal string's content starts one column after its quote: errors inside the regex point at the character.
        #expect(regex.literalContentColumn == 12)
        // A ''' literal on one line has one too; one spanning lines does not.
        #expect(rule["path"]?.literalContentColumn == 11)
        let spanning = try TOMLReader.parse("a = '''\nx\n'''\n", file: "m.toml")
        #expect(spanning["a"]?.literalContentColumn == nil)
        #expect(rule.keys == ["id", "regex", "path"])
    }

    @Test func readsStringForms() throws {
        let root = try TOMLReader.parse("""
        a = "tab\\there \\u00e9 \\"q\\""
        b = 'C:\\no\\escapes'
        c = \"\"\"
        one \\
            two\"\"\"
        d = '''
        raw\\d+
        line2'''
        e = { inline = true, n = -3, f = 1e3 }
        "quoted key" = 1_000
        """, file: "s.toml")
        #expect(string(root["a"]) == "tab\there \u{e9} \"q\"")
        #expect(string(root["b"]) == #"C:\no\escapes"#)
        #expect(string(root["c"]) == "one two")
        #expect(string(root["d"]) == "raw\\d+\nline2")
        guard case .bool(true)? = table(root["e"])?["inline"]?.value, case .integer(-3)? = table(root["e"])?["n"]?.value,
              case .float(1000)? = table(root["e"])?["f"]?.value, case .integer(1000)? = root["quoted key"]?.value else {
            Issue.record("values"); return
        }
    }

    @Test(arguments: [
        ("a = 'open\n", 1, 5, "unterminated string"),
        ("a = 1\na = 2\n", 2, 1, "defined twice"),
        ("[t]\nx = 1\n[t]\n", 3, 1, "defined twice"),
        ("a = \"bad \\q escape\"\n", 1, 10, "invalid escape"),
        ("a = 1979-05-27\n", 1, 5, "unsupported value"),
        ("a = [1, 2\n", 2, 1, "expected ',' or ']'"),
        ("a = 1 b = 2\n", 1, 7, "end of the line"),
        ("x = 1\n[[x]]\n", 2, 1, "not an array of tables"),
        ("= 3\n", 1, 1, "expected a key"),
        // Found by the gitleaks-config fuzz target: unbounded nesting overflowed the stack.
        ("a = " + String(repeating: "[", count: 40) + "\n", 1, 37, "nested deeper than 32"),
        ("a = " + String(repeating: "{b = ", count: 40) + "\n", 1, 165, "nested deeper than 32"),
    ])
    func locatesErrors(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(throws: DiagnosticError.self) { try TOMLReader.parse(text, file: "e.toml") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: "e.toml", line: line, column: column), "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }
}
