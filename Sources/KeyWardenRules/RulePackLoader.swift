import Foundation
import KeyWardenSupport

/// Loads rule packs (`Rules/secrets/*.yaml`) with every error located at file:line:column.
///
/// A pack is a mapping with one key, `rules`, holding a list of rule mappings.
public enum RulePackLoader {
    static let ruleKeys = (required: ["id", "description", "severity", "pattern", "examples", "negativeExamples"],
                           optional: ["keywords", "secretGroup", "minEntropy", "validator", "references",
                                       "contextKeywords", "credentialSet", "part", "reportAlone", "overrides", "catchAll", "paths", "noLiteralFactor", "candidates",
                                       "confidence"])

    /// Every `*.yaml` / `*.yml` file in each directory, in name order.
    public static func load(directories: [String]) throws -> [Rule] {
        var rules: [Rule] = []
        for directory in directories {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw DiagnosticError(at: SourceLocation(file: directory, line: 1, column: 1), "cannot read rule directory")
            }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                rules += try load(file: (directory as NSString).appendingPathComponent(name))
            }
        }
        try checkUnique(rules)
        return rules
    }

    public static func load(file: String) throws -> [Rule] {
        try parse(YAMLDocument.load(path: file))
    }

    public static func parse(_ text: String, file: String) throws -> [Rule] {
        try parse(YAMLDocument.parse(text, file: file))
    }

    static func parse(_ root: YAMLNode) throws -> [Rule] {
        let pack = try root.fields(required: ["rules"])
        let rules = try pack.required("rules").list().map(rule)
        try checkUnique(rules)
        return rules
    }

    static func rule(_ node: YAMLNode) throws -> Rule {
        let fields = try node.fields(required: ruleKeys.required, optional: ruleKeys.optional)
        let idNode = fields.required("id")
        let id = try idNode.string()
        guard id.range(of: #"^[a-z0-9][a-z0-9.-]*$"#, options: .regularExpression) != nil else {
            throw idNode.error("rule id '\(id)' must be lowercase letters, digits, '-' and '.'")
        }
        let severity = try Severity(rawValue: fields.required("severity").oneOf(Severity.allCases.map(\.rawValue)))!
        let patternNode = fields.required("pattern")
        let pattern = try patternNode.string()
        if pattern.unicodeScalars.contains(where: { !$0.isASCII }) {
            throw patternNode.error("rule '\(id)': patterns must be ASCII (files are matched as bytes)")
        }
        let examples = try nonEmptyList(fields.required("examples"), "examples", id)
        let negatives = try nonEmptyList(fields.required("negativeExamples"), "negativeExamples", id)
        let minEntropy = try fields["minEntropy"]?.double()
        if let minEntropy, !(0...8).contains(minEntropy) {
            throw fields["minEntropy"]!.error("minEntropy must be between 0 and 8 bits per character")
        }
        let validator = try fields["validator"].map { node in
            try node.oneOf(ValidatorNames.all)
        }
        let credentialSet = try fields["credentialSet"].map { node in
            let name = try node.string()
            guard name.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
                throw node.error("credentialSet '\(name)' must be lowercase letters, digits and '-'")
            }
            return name
        }
        let part = try fields["part"].map { try CredentialPart(rawValue: $0.oneOf(CredentialPart.allCases.map(\.rawValue)))! }
        if (credentialSet == nil) != (part == nil) {
            throw (fields["part"] ?? fields["credentialSet"]!).error("rule '\(id)': credentialSet and part go together")
        }
        let reportAlone = try fields["reportAlone"]?.bool() ?? true
        if let node = fields["reportAlone"], !reportAlone, part != .key {
            throw node.error("rule '\(id)': reportAlone: false is for a credential set's public part (part: key)")
        }
        let contextKeywords = try fields["contextKeywords"]?.stringList().map { $0.lowercased() } ?? []
        if let node = fields["contextKeywords"], contextKeywords.isEmpty || contextKeywords.contains(where: \.isEmpty) {
            throw node.error("rule '\(id)': contextKeywords needs at least one non-empty word")
        }
        let paths = try fields["paths"]?.stringList() ?? []
        if let node = fields["paths"], paths.isEmpty || paths.contains(where: { $0.isEmpty || $0.contains("\\") }) {
            throw node.error("rule '\(id)': paths needs at least one non-empty glob with '/' separators")
        }
        return Rule(
            id: id,
            description: try fields.required("description").string(),
            severity: severity,
            keywords: try fields["keywords"]?.stringList().map { $0.lowercased() } ?? [],
            pattern: pattern,
            secretGroup: try fields["secretGroup"].map(secretGroup) ?? .whole,
            minEntropy: minEntropy,
            validator: validator,
            examples: examples,
            negativeExamples: negatives,
            references: try fields["references"]?.stringList() ?? [],
            contextKeywords: contextKeywords,
            credentialSet: credentialSet,
            part: part,
            reportAlone: reportAlone,
            overrides: try fields["overrides"]?.stringList() ?? [],
            catchAll: try fields["catchAll"]?.bool() ?? false,
            paths: paths,
            noLiteralFactor: try fields["noLiteralFactor"]?.string(),
            candidates: try fields["candidates"].map { try $0.oneOf(CandidateFinderNames.all) },
            confidence: try fields["confidence"].map { Confidence(rawValue: try $0.oneOf(Confidence.allCases.map(\.rawValue)))! },
            location: node.location,
            patternLocation: patternNode.location
        )
    }

    static func secretGroup(_ node: YAMLNode) throws -> SecretGroup {
        if let number = node.node.int {
            guard number >= 0 else { throw node.error("secretGroup must be 0 or a positive group number") }
            return number == 0 ? .whole : .number(number)
        }
        return .name(try node.string())
    }

    static func nonEmptyList(_ node: YAMLNode, _ key: String, _ id: String) throws -> [String] {
        let values = try node.stringList()
        guard !values.isEmpty else { throw node.error("rule '\(id)' needs at least one entry in \(key)") }
        return values
    }

    public static func checkUnique(_ rules: [Rule]) throws {
        var seen: [String: Rule] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                throw DiagnosticError(at: rule.location, "duplicate rule id '\(rule.id)' (first declared at \(first.location))")
            }
            seen[rule.id] = rule
        }
    }
}
