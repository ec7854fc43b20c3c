import Foundation
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

@Suite struct MatcherTests {
    func secrets(_ yaml: String, in text: String) throws -> [String] {
        let matcher = try Matcher(compile(yaml))
        let bytes = Array(text.utf8)
        return try matcher.matches(in: bytes).map { String(decoding: bytes[$0.secret], as: UTF8.self) }
    }

    @Test func extractsTheSecretCaptureGroup() throws {
        let yaml = pack(pattern: #"token\s*=\s*([A-Za-z0-9]{16})\b"#, extra: "secretGroup: 1")
        #expect(try secrets(yaml, in: "a\ntoken = Zx8KqP2mN7vB4cR9\nb") == ["Zx8KqP2mN7vB4cR9"])
    }

    @Test func findsEveryOccurrenceOnAndAcrossLines() throws {
        let yaml = pack(pattern: #"\bkw_[a-z0-9]{8}\b"#)
        let text = "kw_aaaa1111 kw_bbbb2222\nnothing\nkw_cccc3333"
        #expect(try secrets(yaml, in: text) == ["kw_aaaa1111", "kw_bbbb2222", "kw_cccc3333"])
    }

    @Test func lookaroundPatternsArePrefilteredAndConfirmedByPCRE2() throws {
        // Hyperscan cannot compile lookahead exactly; PCRE2 must still reject "kw_12345678x".
        let yaml = pack(pattern: #"kw_[0-9]{8}(?![a-z])"#)
        let compiled = try compile(yaml)
        #expect(compiled.plans[0].isPrefilter)
        #expect(try secrets(yaml, in: "kw_12345678x kw_87654321 ") == ["kw_87654321"])
    }

    @Test func unboundedPatternsFindMatchesLongerThanTheTrailingContext() throws {
        let yaml = pack(pattern: #"BEGIN[A-Z]+END"#)
        let body = String(repeating: "Q", count: 5000)
        #expect(try secrets(yaml, in: "xx BEGIN\(body)END yy") == ["BEGIN\(body)END"])
    }

    @Test func noMatchStartsInTheTrailingContext() throws {
        // PCRE2 reads past the window's last Hyperscan end only as context: there its subject is
        // cut, and `$` matches where the text goes on. The second `pw=` run is 400 letters and a
        // digit, no match of the pattern; cut 256 bytes after the first hit it would read as one.
        let yaml = pack(pattern: #"(?<!x)pw=([a-z]{1,300})$"#, extra: "secretGroup: 1")
        #expect(try compile(yaml).plans[0].isPrefilter)
        let text = "pw=abc\n" + String(repeating: " ", count: 100) + "pw=" + String(repeating: "a", count: 400) + "1\n"
        #expect(try secrets(yaml, in: text) == ["abc"])
    }

    @Test func latestStartBoundsWhereMatchesStartNotWhatTheyRead() throws {
        let matcher = PCRE2Matcher(try PCRE2Regex("ab(?= ab)|ab$"))
        var starts: [Int] = []
        Array("ab ab ab".utf8).withUnsafeBytes { buffer in
            matcher.forEachMatch(in: buffer, from: 0, to: buffer.count, latestStart: 3) { starts.append($0[0]) }
        }
        #expect(starts == [0, 3]) // the match at 3 looks ahead past 3; none starts at 6
        starts = []
        Array("ab ab ab".utf8).withUnsafeBytes { buffer in
            matcher.forEachMatch(in: buffer, from: 0, to: buffer.count) { starts.append($0[0]) }
        }
        #expect(starts == [0, 3, 6])
    }

    @Test func disabledRulesFindNothingAndTheOthersRunOn() throws {
        let yaml = """
        rules:
          - id: kw-token
            description: t
            severity: high
            pattern: '\\bkw_[a-z0-9]{8}\\b'
            examples: ['kw_abcd1234']
            negativeExamples: ['x']
          - id: kx-token
            description: t
            severity: high
            pattern: '\\bkx_[a-z0-9]{8}\\b'
            examples: ['kx_abcd1234']
            negativeExamples: ['x']
        """
        let compiled = try compile(yaml)
        let text = Array("kw_aaaa1111 kx_bbbb2222".utf8)
        #expect(try Matcher(compiled).matches(in: text).map { compiled.rules[$0.ruleIndex].id } == ["kw-token", "kx-token"])
        let disabled = compiled.disabling(["kw-token"])
        #expect(try Matcher(disabled).matches(in: text).map { disabled.rules[$0.ruleIndex].id } == ["kx-token"])
        #expect(disabled.databases.general === compiled.databases.general) // nothing compiled again
    }

    @Test func entropyFloorDropsLowEntropySecrets() throws {
        let yaml = pack(pattern: #"key=([A-Za-z0-9]{16})"#, extra: "secretGroup: 1\nminEntropy: 3.5")
        #expect(try secrets(yaml, in: "key=aaaabbbbaaaabbbb").isEmpty)
        #expect(try secrets(yaml, in: "key=Zx8KqP2mN7vB4cR9") == ["Zx8KqP2mN7vB4cR9"])
    }

    @Test func keywordsMustAppearInTheMatch() throws {
        let yaml = pack(pattern: #"[a-z]+=([0-9]{6})"#, extra: "secretGroup: 1\nkeywords: [pin]")
        #expect(try secrets(yaml, in: "zip=481516").isEmpty)
        #expect(try secrets(yaml, in: "pin=481516") == ["481516"])
        // In any ASCII case, and only inside the match: a keyword just before it does not count.
        let caseless = pack(pattern: #"(?i)[a-z]+=([0-9]{6})"#, extra: "secretGroup: 1\nkeywords: [pin]")
        #expect(try secrets(caseless, in: "SIM_PIN=481516") == ["481516"])
        #expect(try secrets(caseless, in: "pin zip=481516").isEmpty)
    }

    @Test func validatorRejectsInvalidCandidates() throws {
        let yaml = pack(pattern: #"\b(ghp_[A-Za-z0-9]{36})\b"#, extra: "secretGroup: 1\nvalidator: github-checksum")
        #expect(try secrets(yaml, in: "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") == ["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"])
        #expect(try secrets(yaml, in: "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8024xXI").isEmpty)
    }

    @Test func placeholdersAreNotSecrets() throws {
        let yaml = pack(pattern: #"secret=(\S{8,})"#, extra: "secretGroup: 1")
        for placeholder in ["${API_SECRET}", "<secret-here>", "xxxxxxxxxxxx", "YOUR_API_KEY", "changeme", "AKIAIOSFODNN7EXAMPLE"] {
            #expect(try secrets(yaml, in: "secret=\(placeholder)").isEmpty, "\(placeholder)")
        }
    }

    @Test func invalidUTF8AroundASecretIsHarmless() throws {
        let yaml = pack(pattern: #"kw_[a-z0-9]{8}"#)
        let matcher = try Matcher(compile(yaml))
        let bytes: [UInt8] = [0xFF, 0xFE, 0xC3] + Array("kw_abcd1234".utf8) + [0xE2, 0x28]
        #expect(try matcher.matches(in: bytes).map(\.secret) == [3..<14])
    }

    @Test func aLongLineOfCandidateCharactersStaysBounded() throws {
        // Every offset is a Hyperscan end for this pattern; windows must merge, not pile up.
        let yaml = pack(pattern: #"\b[A-Za-z]{20,}\b"#)
        // A match is looked for within the lookback window (16 KiB for an unbounded pattern, since
        // start-of-match tracking is off): a run inside it is one match, end to end; a 5 MB run
        // gives at most one, however many ends Hyperscan reports.
        let matcher = try Matcher(compile(yaml))
        let short = String(repeating: "abcdefghij", count: 1_000)
        let shortMatches = try matcher.matches(in: Array(short.utf8))
        #expect(shortMatches.map(\.secret) == [0..<10_000])
        let line = String(repeating: "abcdefghij", count: 500_000)
        #expect(try matcher.matches(in: Array(line.utf8)).count <= 1)
    }

    /// A gitleaks rule's keywords may be anywhere in the item, in any ASCII case, and a match in
    /// an item without one is not a finding; the answer is kept per item, not carried to the next.
    @Test func itemScopedKeywordsCountAnywhereInTheItemInAnyCase() throws {
        let rule = Rule(id: "acme-token", description: "d", severity: .high, keywords: ["acme"], pattern: "tok_[a-z0-9]{8}",
                        examples: [], negativeExamples: [], keywordScope: .item)
        let matcher = try Matcher(CompiledRuleSet(RuleSet([rule])))
        let filler = String(repeating: "x = 1\n", count: 2_000)
        for keyword in ["acme", "ACME_HOST", "config.Acme", "aCmE"] {
            #expect(try matcher.matches(in: Array("\(keyword)\n\(filler)t = tok_abcd1234\n".utf8)).count == 1, "\(keyword)")
        }
        for text in ["t = tok_abcd1234\n", "acm e\nt = tok_abcd1234\n", "ac\nme t = tok_abcd1234"] {
            #expect(try matcher.matches(in: Array(text.utf8)).isEmpty, "\(text)")
        }
    }

    @Test func shannonEntropyOfKnownInputs() {
        #expect(ShannonEntropy.of(Array("aaaa".utf8)) == 0)
        #expect(ShannonEntropy.of(Array("abab".utf8)) == 1)
        #expect(abs(ShannonEntropy.of(Array("0123456789abcdef".utf8)) - 4) < 1e-9)
        #expect(ShannonEntropy.of([UInt8]()) == 0)
    }
}

@Suite struct LongMatchTests {
    @Test func aLongMatchThroughAnAlternationGroupSurvivesTheJITStackLimit() throws {
        // 4000 repetitions of a lazy alternation group exhaust PCRE2's default JIT stack.
        let yaml = pack(pattern: #"BEGIN(?:[A-Z]|\\n){64,}?END"#)
        let body = String(repeating: "Q", count: 4000)
        let matcher = try Matcher(compile(yaml))
        #expect(try matcher.matches(in: Array("x BEGIN\(body)END y".utf8)).count == 1)
    }

    @Test func aFourKilobitRSAKeyInPEMArmourIsFound() throws {
        // A whole key (the private-key validator decodes the body), generated for this test, used nowhere.
        let pem = try String(contentsOfFile: PackagePaths.root + "/Tests/KeyWardenCoreTests/Fixtures/rsa-4096.pem", encoding: .utf8)
        let scanner = try builtinScanner()
        let findings = try scanner.findings(in: Array(("KEY=\"" + pem + "\"\n").utf8), worker: scanner.makeWorker()).map { $0.placed(at: "k.env") }
        #expect(findings.map(\.rule) == ["private-key-pem"])
        #expect(findings.first?.endLine == pem.split(separator: "\n").count)
    }
}

@Suite struct ZeroWidthAssertionTests {
    @Test func lookaroundGroupsAreRemovedAndEverythingElseKept() {
        #expect(ZeroWidthAssertions.removed(from: #"(?<!hash_)key(?![a-z]{0,3}(?:salt|x))=([a-z]{8})(?:"|(?=[ \t]*$))"#)
            == #"key=([a-z]{8})(?:"|)"#)
        #expect(ZeroWidthAssertions.removed(from: #"a(?<=b)c(?=d)e"#) == "ace")
    }

    @Test func lookaroundLookalikesInClassesEscapesAndNamedGroupsStay() {
        #expect(ZeroWidthAssertions.removed(from: #"[(?=]x\(?=y(?<name>z)[]()]"#) == #"[(?=]x\(?=y(?<name>z)[]()]"#)
        #expect(ZeroWidthAssertions.removed(from: #"(?=[)]a)b"#) == "b")
    }

    @Test func patternsItCannotRewriteSafelyAreLeftToThePrefilter() {
        #expect(ZeroWidthAssertions.removed(from: #"\Q(?=\Ex"#) == nil)
        #expect(ZeroWidthAssertions.removed(from: #"(?=abc"#) == nil)
        #expect(ZeroWidthAssertions.removed(from: #"[abc"#) == nil)
    }

    @Test func aPrefilteredPatternWithBoundedMatchesLooksBackOnlyAsFarAsItsWidth() throws {
        // Hyperscan's prefilter reports no maximum width for this pattern; without the lookarounds
        // it is at most 13 bytes, so confirmation starts 13 bytes before a hit, not 16 KiB.
        let yaml = pack(pattern: #"(?<!x)key=([a-z]{8})(?:"|(?=[ \t]*$))"#, extra: "secretGroup: 1")
        let compiled = try compile(yaml)
        #expect(compiled.plans[0].isPrefilter)
        #expect(compiled.plans[0].lookback == 13)
        let matcher = try Matcher(compiled)
        let text = "key=abcdefgh  \nxkey=zzzzzzzz\n" + String(repeating: "filler ", count: 3000) + "key=qwertyui\""
        let bytes = Array(text.utf8)
        #expect(try matcher.matches(in: bytes).map { String(decoding: bytes[$0.secret], as: UTF8.self) } == ["abcdefgh", "qwertyui"])
    }
}
