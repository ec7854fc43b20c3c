@testable import KeyWardenMatching
@testable import KeyWardenRules
import Testing

/// Go (RE2) regexes from gitleaks configs, rewritten where PCRE2 reads them differently and
/// refused where the engines cannot agree.
@Suite struct GoRegexTranslationTests {
    @Test(arguments: [
        // Read alike: copied.
        (#"(?i)acme_[a-z0-9]{32}\b"#, #"(?i)acme_[a-z0-9]{32}\b"#),
        (#"(?:key|token)\W{0,3}([A-Za-z0-9+/]{40})"#, #"(?:key|token)\W{0,3}([A-Za-z0-9+/]{40})"#),
        (#"[[:alnum:]]{8,}"#, #"[[:alnum:]]{8,}"#),
        // Anchors: Go's text anchors, unless (?m) makes them line anchors.
        (#"^key=(\w+)$"#, #"\Akey=(\w+)\z"#),
        (#"(?m)^key=(\w+)$"#, #"(?m)^key=(\w+)$"#),
        (#"(?m:^a$)|^b$"#, #"(?m:^a$)|\Ab\z"#),
        // Go's \s has no vertical tab; Go's \v is the vertical tab alone.
        (#"key\s*=\s*(\S+)"#, #"key[\t\n\f\r ]*=[\t\n\f\r ]*([^\t\n\f\r ]+)"#),
        (#"[\s'"]\v"#, #"[\t\n\f\r '"]\x0b"#),
        // A brace Go reads literally stays literal.
        (#"a{,3}b{1, 2}c{x}d{2}"#, #"a\{,3}b\{1, 2}c\{x}d{2}"#),
        // Named groups in the form both engines take; \Q..\E and octal as plain escapes.
        (#"(?P<secret>[a-f0-9]{40})"#, #"(?<secret>[a-f0-9]{40})"#),
        (#"\Qa.b\E\012"#, #"a\.b\x0a"#),
        (#"x\x41\x{42}"#, #"x\x41\x42"#),
        (#"x\0377"#, #"x\x1f7"#),
    ])
    func translates(_ go: String, _ pcre: String) throws {
        #expect(try GoRegexTranslation.translate(go).pattern == pcre)
    }

    @Test func countsCaptureGroups() throws {
        #expect(try GoRegexTranslation.translate(#"(a)(?:b)(?P<c>c)(?i:d)([e(])"#).captureGroups == 3)
    }

    @Test(arguments: [
        (#"secret(?=[a-z])"#, 6, "lookahead"),
        (#"(?<!x)token"#, 0, "lookbehind"),
        (#"(a)\1"#, 3, "backreference"),
        (#"[a-z]++x"#, 6, "possessive"),
        (#"key\Z"#, 3, #"\Z"#),
        (#"a\Cb"#, 1, #"\C"#),
        (#"(?U)a+"#, 2, "ungreedy"),
        (#"(?x) a"#, 0, "not a Go regex flag"),
        (#"(?>ab)"#, 0, "not a Go regex flag"),
        (#"\pL+"#, 0, "Unicode classes"),
        (#"a{1001}"#, 1, "over 1000"),
        (#"ab\K"#, 2, "not an escape"),
        ("caf\u{e9}", 3, "non-ASCII"),
        (#"[\b]"#, 1, "inside a character class"),
        (#"x\xe9"#, 1, "Unicode character"),
    ])
    func refuses(_ go: String, _ offset: Int, _ message: String) throws {
        let problem = try #require(throws: GoRegexTranslation.Problem.self) { try GoRegexTranslation.translate(go) }
        #expect(problem.offset == offset, "\(problem)")
        #expect(problem.message.contains(message), "\(problem)")
    }

    /// What the translation means, checked on PCRE2 itself compiled as keywarden compiles rules
    /// (multi-line): Go's end of text is not a line end, and Go's \s does not take a vertical tab.
    @Test func translatedPatternsMatchAsGoDoes() throws {
        func matches(_ go: String, _ text: String) throws -> Bool {
            let regex = try PCRE2Regex(GoRegexTranslation.translate(go).pattern)
            let matcher = PCRE2Matcher(regex)
            var found = false
            Array(text.utf8).withUnsafeBytes { buffer in matcher.forEachMatch(in: buffer, from: 0, to: buffer.count) { _ in found = true } }
            return found
        }
        #expect(try !matches(#"token=\w+$"#, "token=abc\nnext"))
        #expect(try matches(#"token=\w+$"#, "first\ntoken=abc"))
        #expect(try matches(#"(?m)token=\w+$"#, "token=abc\nnext"))
        #expect(try !matches(#"a\sb"#, "a\u{0B}b"))
        #expect(try matches(#"a\sb"#, "a\tb"))
        #expect(try matches(#"x{,2}"#, "x{,2}"))
        #expect(try !matches(#"^x{,2}$"#, "xx"))
    }
}
