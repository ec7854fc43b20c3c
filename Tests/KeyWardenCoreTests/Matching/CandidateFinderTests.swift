import Foundation
import KeyWardenFuzzTargets
@testable import KeyWardenMatching
@testable import KeyWardenRules
import Testing

/// Rules matched from candidate regions rather than Hyperscan hits lose nothing only if every
/// match of their pattern lies inside a region. These tests run each such built-in rule's
/// pattern over a whole text and check each match against the regions its finder gives.
@Suite struct CandidateFinderTests {
    /// Text shaped like what these rules meet: prose and code with long lowercase runs, long
    /// identifiers, base58 words, colon-separated lines; each rule's own examples embedded.
    static func corpus(seed: UInt64) -> [UInt8] {
        var generator = Mutator(seed: seed)
        // Mostly words a phrase can hold (3-8 letters), now and then one that breaks it.
        let words = ["abandon", "zoo", "the", "cash", "race", "tunnel", "miss", "runtime", "joy", "baby", "clinic", "raw"]
        let breakers = ["a", "of", "container", "Go"]
        let base58 = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        var text = ""
        for _ in 0..<400 {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: text += (0..<Int.random(in: 5...30, using: &generator)).map { _ in
                Int.random(in: 0..<25, using: &generator) == 0 ? breakers.randomElement(using: &generator)! : words.randomElement(using: &generator)!
            }
                .joined(separator: [" ", "  ", "\n", " \t", "\r\n "].randomElement(using: &generator)!)
            case 1: text += String((0..<Int.random(in: 49...54, using: &generator)).map { _ in base58.randomElement(using: &generator)! })
            case 2: text += "db.example.net:\(Int.random(in: 1...99999, using: &generator)):ledger:app:Vq8ZrT2mLx9Kw4Pn"
            case 3: text += "time 10:30:45 and *:*:*:user:secretvalue9 and a:b:c"
            case 4: text += ["K", "L", "5", "c", "9", "_", "x/", "+"].randomElement(using: &generator)!
            default: text += ["func run() {", "value := map[string]int{\"a\": 1}", "// comment", "\n", " ", "'", "\t"].randomElement(using: &generator)!
            }
            text += ["\n", " ", "", "/", "_"].randomElement(using: &generator)!
        }
        return Array(text.utf8)
    }

    @Test(arguments: ["bip39-mnemonic", "bitcoin-wif-private-key", "pgpass-password"])
    func everyMatchOfTheRuleLiesInARegionOfItsFinder(ruleID: String) throws {
        let rule = try #require(try BuiltinRules.load().first { $0.id == ruleID })
        let finder = try #require(rule.candidates.flatMap(CandidateFinder.init(rawValue:)))
        let matcher = PCRE2Matcher(try PCRE2Regex(rule.pattern))
        var checked = 0
        for seed in UInt64(1)...20 {
            let text = Self.corpus(seed: seed) + Array(("\n" + rule.examples.joined(separator: "\n") + "\n").utf8)
            text.withUnsafeBytes { buffer in
                let regions = finder.regions(in: buffer)
                matcher.forEachMatch(in: buffer, from: 0, to: buffer.count) { groups in
                    let match = groups[0]..<groups[1]
                    #expect(regions.contains { $0.lowerBound <= match.lowerBound && match.upperBound <= $0.upperBound },
                            "\(ruleID): \(String(decoding: buffer[match], as: UTF8.self)) outside every region")
                    checked += 1
                }
            }
        }
        #expect(checked >= 20)
    }

    /// The rule loader accepts the names KeyWardenRules lists; each must have its finder here.
    @Test func everyNameARuleMayGiveHasAFinder() {
        #expect(CandidateFinder.allCases.map(\.rawValue).sorted() == CandidateFinderNames.all.sorted())
    }

    @Test func regionsAreFewOnOrdinaryCode() {
        let code = Array(String(repeating: "func handle(w http.ResponseWriter, r *http.Request) {\n\tctx := r.Context()\n}\n", count: 2000).utf8)
        for finder in CandidateFinder.allCases {
            #expect(code.withUnsafeBytes { finder.regions(in: $0) }.isEmpty)
        }
    }

    @Test func theBuiltInRulesWithoutALiteralAreMatchedFromCandidates() throws {
        let compiled = try CompiledRuleSet(RuleSet(BuiltinRules.load().filter { $0.candidates != nil }))
        #expect(Set(compiled.candidateRules.map { compiled.rules[$0.rule].id }) == ["bip39-mnemonic", "bitcoin-wif-private-key", "pgpass-password"])
        #expect(compiled.databases.all.isEmpty)
        // Matched all the same, from their own examples.
        let matcher = try Matcher(compiled)
        for rule in compiled.rules {
            for example in rule.examples {
                #expect(try !matcher.matches(in: Array(example.utf8)).isEmpty, "\(rule.id): \(example)")
            }
        }
    }
}
