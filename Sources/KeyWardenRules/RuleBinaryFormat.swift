import KeyWardenSupport

/// Rules in `CompactBinary` form, for the rule cache: a pre-commit scan reads the whole parsed
/// catalogue on every start, and decoding 700+ rules from JSON cost it more than the scan.
///
/// Every field of `Rule` is written, in declaration order; a field added to `Rule` must be
/// added here too (the round-trip test over the built-in catalogue fails otherwise) and
/// `version` raised, so no cache written before is read with the new layout.
public enum RuleBinaryFormat {
    public static let version = 2

    public static func encode(_ rules: [Rule]) -> [UInt8] {
        var writer = CompactBinaryWriter()
        writer.write(version)
        writer.write(rules.count)
        for rule in rules { write(rule, to: &writer) }
        return writer.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(CompactBinaryReader.Malformed) -> [Rule] {
        var reader = CompactBinaryReader(bytes)
        let rules = try readRules(from: &reader)
        guard reader.isAtEnd else { throw CompactBinaryReader.Malformed(offset: reader.offset) }
        return rules
    }

    /// A rule set with its content digest, so reading it back does not hash the rules again.
    public static func encode(_ ruleSet: RuleSet) -> [UInt8] {
        var writer = CompactBinaryWriter()
        writer.write(ruleSet.contentHash)
        return writer.bytes + encode(ruleSet.rules)
    }

    public static func decodeRuleSet(_ bytes: [UInt8]) throws(CompactBinaryReader.Malformed) -> RuleSet {
        var reader = CompactBinaryReader(bytes)
        let contentHash = try reader.readString()
        let rulesStart = reader.offset
        let rules = try readRules(from: &reader)
        guard reader.isAtEnd else { throw CompactBinaryReader.Malformed(offset: reader.offset) }
        guard let ruleSet = RuleSet(sorted: rules, contentHash: contentHash) else { throw CompactBinaryReader.Malformed(offset: rulesStart) }
        return ruleSet
    }

    private static func readRules(from reader: inout CompactBinaryReader) throws(CompactBinaryReader.Malformed) -> [Rule] {
        let start = reader.offset
        guard try reader.readInt() == version else { throw CompactBinaryReader.Malformed(offset: start) }
        let count = try reader.readCount()
        var rules: [Rule] = []
        rules.reserveCapacity(count)
        for _ in 0..<count { rules.append(try read(from: &reader)) }
        return rules
    }

    private static func write(_ rule: Rule, to writer: inout CompactBinaryWriter) {
        writer.write(rule.id)
        writer.write(rule.description)
        writer.write(rule.severity.rawValue)
        writer.write(rule.keywords)
        writer.write(rule.keywordScope == .item)
        writer.write(rule.pattern)
        switch rule.secretGroup {
        case .whole: writer.write(0)
        case .firstMatched: writer.write(1)
        case let .number(number): writer.write(2); writer.write(number)
        case let .name(name): writer.write(3); writer.write(name)
        }
        writer.write(optional: rule.minEntropy) { $0.write($1) }
        writer.write(optional: rule.validator) { $0.write($1) }
        writer.write(rule.examples)
        writer.write(rule.negativeExamples)
        writer.write(rule.references)
        writer.write(rule.contextKeywords)
        writer.write(optional: rule.credentialSet) { $0.write($1) }
        writer.write(optional: rule.part) { $0.write($1.rawValue) }
        writer.write(rule.reportAlone)
        writer.write(rule.overrides)
        writer.write(rule.catchAll)
        writer.write(rule.paths)
        writer.write(optional: rule.noLiteralFactor) { $0.write($1) }
        writer.write(optional: rule.candidates) { $0.write($1) }
        writer.write(rule.standalone)
        writer.write(rule.confidence.rawValue)
        write(rule.location, to: &writer)
        write(rule.patternLocation, to: &writer)
    }

    private static func read(from reader: inout CompactBinaryReader) throws(CompactBinaryReader.Malformed) -> Rule {
        let id = try reader.readString()
        let description = try reader.readString()
        let severity = try reader.readCase(Severity.self)
        let keywords = try reader.readStrings()
        let keywordScope: Rule.KeywordScope = try reader.readBool() ? .item : .match
        let pattern = try reader.readString()
        let groupStart = reader.offset
        let secretGroup: SecretGroup = switch try reader.readInt() {
        case 0: .whole
        case 1: .firstMatched
        case 2: .number(try reader.readInt())
        case 3: .name(try reader.readString())
        default: throw CompactBinaryReader.Malformed(offset: groupStart)
        }
        let minEntropy = try reader.readOptional { reader throws(CompactBinaryReader.Malformed) in try reader.readDouble() }
        let validator = try reader.readOptional { reader throws(CompactBinaryReader.Malformed) in try reader.readString() }
        let examples = try reader.readStrings()
        let negativeExamples = try reader.readStrings()
        let references = try reader.readStrings()
        let contextKeywords = try reader.readStrings()
        let credentialSet = try reader.readOptional { reader throws(CompactBinaryReader.Malformed) in try reader.readString() }
        let part = try reader.readOptional { reader throws(CompactBinaryReader.Malformed) in try reader.readCase(CredentialPart.self) }
        let reportAlone = try reader.readBool()
        let overrides = try reader.readStrings()
        let catchAll = try reader.readBool()
        let paths = try reader.readStrings()
        let noLiteralFactor = try reader.readOptional { reader throws(CompactBinaryReader.Malformed) in try reader.readString() }
        let candidates = try reader.readOptional { reader throws(CompactBinaryReader.Malformed) in try reader.readString() }
        let standalone = try reader.readBool()
        let confidence = try reader.readCase(Confidence.self)
        let location = try readLocation(from: &reader)
        let patternLocation = try readLocation(from: &reader)
        return Rule(id: id, description: description, severity: severity, keywords: keywords, pattern: pattern,
                    secretGroup: secretGroup, minEntropy: minEntropy, validator: validator, examples: examples,
                    negativeExamples: negativeExamples, references: references, contextKeywords: contextKeywords,
                    credentialSet: credentialSet, part: part, reportAlone: reportAlone, overrides: overrides, catchAll: catchAll,
                    paths: paths, noLiteralFactor: noLiteralFactor, candidates: candidates, keywordScope: keywordScope, standalone: standalone,
                    confidence: confidence, location: location, patternLocation: patternLocation)
    }

    private static func write(_ location: SourceLocation, to writer: inout CompactBinaryWriter) {
        writer.write(location.file)
        writer.write(location.line)
        writer.write(location.column)
    }

    private static func readLocation(from reader: inout CompactBinaryReader) throws(CompactBinaryReader.Malformed) -> SourceLocation {
        SourceLocation(file: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
    }
}
