@testable import KeyWardenRules
@testable import KeyWardenSupport
import Testing

@Suite struct RuleBinaryFormatTests {
    /// Every built-in rule, examples included, comes back equal: a field of `Rule` the format
    /// forgot would come back as its default and fail here for the rules that set it.
    @Test func theWholeCatalogueRoundTrips() throws {
        let rules = try BuiltinRules.load()
        #expect(try RuleBinaryFormat.decode(RuleBinaryFormat.encode(rules)) == rules)
    }

    /// Values every field can take that the catalogue may not use: each secret-group kind,
    /// negative and large numbers, empty and non-ASCII strings, absent optionals.
    @Test func unusualFieldValuesRoundTrip() throws {
        let groups: [SecretGroup] = [.whole, .firstMatched, .number(3), .name("sëcret")]
        let rules = groups.enumerated().map { index, group in
            Rule(id: "rule-\(index)", description: "", severity: .critical, keywords: ["", "ключ"], pattern: "a{1,}",
                 secretGroup: group, minEntropy: index.isMultiple(of: 2) ? -0.5 : nil, validator: nil,
                 examples: ["x\u{0}y"], negativeExamples: [], references: [], contextKeywords: [],
                 credentialSet: index == 1 ? "okx" : nil, part: index == 1 ? .passphrase : nil, reportAlone: false,
                 overrides: ["a", "b"], catchAll: true, paths: ["**/*.env"], noLiteralFactor: "why",
                 keywordScope: .item, standalone: true, confidence: .low,
                 location: SourceLocation(file: "p.yaml", line: Int.max, column: -1))
        }
        #expect(try RuleBinaryFormat.decode(RuleBinaryFormat.encode(rules)) == rules)
    }

    /// A cut or damaged entry throws; it never traps or reads past its end.
    @Test func truncatedOrDamagedInputThrows() throws {
        let rules = Array(try BuiltinRules.load().prefix(3))
        let bytes = RuleBinaryFormat.encode(rules)
        for length in 0..<bytes.count {
            #expect(throws: CompactBinaryReader.Malformed.self) { try RuleBinaryFormat.decode(Array(bytes.prefix(length))) }
        }
        #expect(throws: CompactBinaryReader.Malformed.self) { try RuleBinaryFormat.decode(bytes + [0]) }
        // A length claiming more bytes than there are.
        var reader = CompactBinaryReader([0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x41])
        #expect(throws: CompactBinaryReader.Malformed.self) { try reader.readString() }
        // A varint that never ends.
        var endless = CompactBinaryReader(Array(repeating: 0xFF, count: 12))
        #expect(throws: CompactBinaryReader.Malformed.self) { try endless.readInt() }
    }

    /// A rule set comes back with its rules in order and its digest; one whose rules are out of
    /// order (so its digest cannot be the one `RuleSet` makes) is malformed.
    @Test func aRuleSetRoundTripsWithItsDigestAndOutOfOrderRulesAreRefused() throws {
        let ruleSet = RuleSet(Array(try BuiltinRules.load().prefix(40)))
        let read = try RuleBinaryFormat.decodeRuleSet(RuleBinaryFormat.encode(ruleSet))
        #expect(read.rules == ruleSet.rules)
        #expect(read.contentHash == ruleSet.contentHash)
        var writer = CompactBinaryWriter()
        writer.write(ruleSet.contentHash)
        let reversed = writer.bytes + RuleBinaryFormat.encode(Array(ruleSet.rules.reversed()))
        #expect(throws: CompactBinaryReader.Malformed.self) { try RuleBinaryFormat.decodeRuleSet(reversed) }
    }

    @Test func integersKeepTheirValueAtTheExtremes() throws {
        var writer = CompactBinaryWriter()
        let values = [0, 1, -1, 63, -64, 64, Int.max, Int.min]
        for value in values { writer.write(value) }
        var reader = CompactBinaryReader(writer.bytes)
        #expect(try values.map { _ in try reader.readInt() } == values)
        #expect(reader.isAtEnd)
    }
}
