import Foundation
import KeyWardenSupport

/// Reads a gitleaks or betterleaks `.gitleaks.toml` and maps it onto keywarden's model, every
/// problem located at file:line:column. `[extend] path` is followed (relative to the extending
/// file), merged the way gitleaks merges it: a rule of the same id keeps the base's fields the
/// extending rule leaves out and adds its keywords, tags and allowlists; `disabledRules` drops
/// base rules. Docs/gitleaks-config.md describes the whole mapping.
public enum GitleaksConfigLoader {
    /// The text of a config file, or nil when there is none; a staged scan reads the index's copy.
    public typealias Reader = @Sendable (String) throws -> String?
    /// How deep `[extend] path` chains may go: a cycle is caught before, this bounds honest chains.
    public static let maxExtendDepth = 8
    /// Rules mapped from a config are reported under `gitleaks.<id>`, so they never collide with
    /// (or replace) a built-in rule, and a report says where each rule came from.
    public static let idPrefix = "gitleaks."

    static let topKeys = ["title", "description", "minVersion", "extend", "rules", "allowlist", "allowlists"]
    static let extendKeys = ["useDefault", "path", "url", "disabledRules"]
    static let ruleKeys = ["id", "description", "regex", "secretGroup", "entropy", "keywords", "tags", "path",
                           "regexTarget", "allowlist", "allowlists", "required", "skipReport"]
    static let allowlistKeys = ["description", "condition", "regexTarget", "regexes", "paths", "stopwords", "commits"]

    public static func load(path: String, read: Reader = Self.readFile) throws -> GitleaksConfig {
        let raw = try RawConfig.load(path: path, read: read, chain: [], depth: 0)
        return try raw.mapped()
    }

    public static func parse(_ text: String, file: String) throws -> GitleaksConfig {
        try RawConfig.parse(text, file: file, read: { _ in nil }, chain: [file], depth: 0).mapped()
    }

    @Sendable public static func readFile(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "cannot read the gitleaks config")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "file is not valid UTF-8")
        }
        return text
    }

    /// The keywarden id of a gitleaks rule id: prefixed, lowercased, other characters as '-'.
    public static func mappedID(_ id: String) -> String {
        idPrefix + String(String.UnicodeScalarView(id.lowercased().unicodeScalars.map { scalar in
            (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-") ? scalar : "-"
        }))
    }

    /// A Go regex from the config in PCRE syntax, or an error at the offending character.
    static func pattern(_ node: TOMLNode) throws -> (GitleaksPattern, captureGroups: Int) {
        let text = try node.string()
        do {
            let translated = try GoRegexTranslation.translate(text)
            return (GitleaksPattern(pattern: translated.pattern, location: node.location), translated.captureGroups)
        } catch {
            // A single-line literal string holds the regex as written: point at the character.
            let location = node.literalContentColumn.map {
                SourceLocation(file: node.location.file, line: node.location.line, column: $0 + error.offset)
            } ?? node.location
            throw DiagnosticError(at: location, "regex cannot be used as written: \(error.message)")
        }
    }

    static func allowlist(_ node: TOMLNode, global: Bool) throws -> GitleaksAllowlist {
        let fields = try node.fields(allowlistKeys + (global ? ["targetRules"] : []), in: global ? "a global allowlist" : "a rule's allowlist")
        var list = GitleaksAllowlist(location: node.location)
        list.description = try fields["description"]?.string()
        if let condition = fields["condition"] {
            let text = try condition.string().uppercased()
            guard let value = GitleaksAllowlist.Condition(rawValue: text) else { throw condition.error("condition must be OR or AND") }
            list.condition = value
        }
        if let target = fields["regexTarget"] {
            let text = try target.string()
            guard let value = GitleaksAllowlist.Target(rawValue: text) else { throw target.error("regexTarget must be secret, match or line") }
            list.target = value
        }
        list.regexes = try fields["regexes"]?.array().map { try pattern($0).0 } ?? []
        list.paths = try fields["paths"]?.array().map { try pattern($0).0 } ?? []
        list.stopwords = try fields["stopwords"]?.stringList().map { $0.lowercased() } ?? []
        list.commits = try fields["commits"]?.stringList().map { $0.lowercased() } ?? []
        list.targetRules = try fields["targetRules"]?.stringList()
        if list.isEmpty { throw node.error("an allowlist needs at least one of regexes, paths, stopwords or commits") }
        return list
    }
}

/// One config file before mapping, with its base merged in: rule fields stay nodes, so errors
/// found when mapping still point at the line that wrote them.
private struct RawConfig {
    struct RawRule {
        var id: String
        var location: SourceLocation
        var description: TOMLNode?
        var regex: TOMLNode?
        var secretGroup: TOMLNode?
        var entropy: TOMLNode?
        var path: TOMLNode?
        var keywords: [String] = []
        var allowlists: [GitleaksAllowlist] = []
    }

    var rules: [RawRule] = []
    var allowlists: [GitleaksAllowlist] = []
    var useDefault = false
    var files: [String] = []

    static func load(path: String, read: GitleaksConfigLoader.Reader, chain: [String], depth: Int) throws -> RawConfig {
        guard let text = try read(path) else {
            throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "gitleaks config not found")
        }
        return try parse(text, file: path, read: read, chain: chain + [path], depth: depth)
    }

    static func parse(_ text: String, file: String, read: GitleaksConfigLoader.Reader, chain: [String], depth: Int) throws -> RawConfig {
        let root = try TOMLNode(value: .table(TOMLReader.parse(text, file: file)), location: SourceLocation(file: file, line: 1, column: 1),
                                literalContentColumn: nil)
        let top = try root.fields(GitleaksConfigLoader.topKeys, in: "a gitleaks config")
        var config = RawConfig()
        var disabled: [String] = []
        if let extend = top["extend"] {
            let fields = try extend.fields(GitleaksConfigLoader.extendKeys, in: "[extend]")
            if let url = fields["url"] { throw url.error("[extend] url is not fetched: keywarden reads local files only (download it and use path)") }
            config.useDefault = try fields["useDefault"]?.bool() ?? false
            disabled = try fields["disabledRules"]?.stringList() ?? []
            if let pathNode = fields["path"] {
                let relative = try pathNode.string()
                let directory = (file as NSString).deletingLastPathComponent
                let basePath = relative.hasPrefix("/") || directory.isEmpty ? relative : (directory as NSString).appendingPathComponent(relative)
                let normalized = (basePath as NSString).standardizingPath
                if chain.contains(where: { ($0 as NSString).standardizingPath == normalized }) {
                    throw pathNode.error("[extend] path '\(relative)' leads back to a config already being read (\((chain + [normalized]).joined(separator: " -> ")))")
                }
                guard depth < GitleaksConfigLoader.maxExtendDepth else {
                    throw pathNode.error("[extend] path chains more than \(GitleaksConfigLoader.maxExtendDepth) configs deep")
                }
                let base: RawConfig
                do {
                    base = try load(path: normalized, read: read, chain: chain, depth: depth + 1)
                } catch let error as DiagnosticError where error.diagnostics.first?.location.file == normalized
                    && error.description.contains("gitleaks config not found") {
                    throw pathNode.error("[extend] path '\(relative)': no such file (\(normalized))")
                }
                config = base.disabling(disabled)
                config.useDefault = try fields["useDefault"]?.bool() ?? base.useDefault
            }
        }
        config.files.append(file)
        for node in try top["rules"]?.array() ?? [] {
            config.merge(try rule(node))
        }
        for key in ["allowlist", "allowlists"] {
            for node in try top[key]?.tables() ?? [] {
                config.allowlists.append(try GitleaksConfigLoader.allowlist(node, global: true))
            }
        }
        return config
    }

    func disabling(_ ids: [String]) -> RawConfig {
        var copy = self
        copy.rules.removeAll { ids.contains($0.id) }
        return copy
    }

    /// A rule of an id already read (from a base config) takes the fields this one gives.
    mutating func merge(_ rule: RawRule) {
        guard let index = rules.firstIndex(where: { $0.id == rule.id }) else { return rules.append(rule) }
        var base = rules[index]
        base.location = rule.location
        base.description = rule.description ?? base.description
        base.regex = rule.regex ?? base.regex
        base.secretGroup = rule.secretGroup ?? base.secretGroup
        base.entropy = rule.entropy ?? base.entropy
        base.path = rule.path ?? base.path
        base.keywords += rule.keywords
        base.allowlists += rule.allowlists
        rules[index] = base
    }

    static func rule(_ node: TOMLNode) throws -> RawRule {
        let fields = try node.fields(GitleaksConfigLoader.ruleKeys, in: "a rule")
        guard let idNode = fields["id"] else { throw node.error("a rule needs an id") }
        let id = try idNode.string()
        guard !id.isEmpty else { throw idNode.error("a rule id cannot be empty") }
        if let required = fields["required"] {
            throw required.error("rule '\(id)': composite rules (required) are not mapped; keywarden groups multi-part credentials with credential sets in a rule pack")
        }
        if let skip = fields["skipReport"] { throw skip.error("rule '\(id)': skipReport belongs to composite rules, which are not mapped") }
        if let target = fields["regexTarget"], try target.string() != "secret" {
            throw target.error("rule '\(id)': only regexTarget = \"secret\" is mapped for a rule (allowlists take match and line)")
        }
        var rule = RawRule(id: id, location: node.location)
        rule.description = fields["description"]
        _ = try rule.description?.string()
        rule.regex = fields["regex"]
        rule.secretGroup = fields["secretGroup"]
        rule.entropy = fields["entropy"]
        rule.path = fields["path"]
        rule.keywords = try fields["keywords"]?.stringList() ?? []
        _ = try fields["tags"]?.stringList()
        for key in ["allowlist", "allowlists"] {
            for list in try fields[key]?.tables() ?? [] {
                rule.allowlists.append(try GitleaksConfigLoader.allowlist(list, global: false))
            }
        }
        return rule
    }

    func mapped() throws -> GitleaksConfig {
        var config = GitleaksConfig()
        config.useDefault = useDefault
        config.files = files
        var seen: [String: RawRule] = [:]
        for raw in rules {
            if let reason = Self.leftOut(raw, useDefault: useDefault) {
                config.warnings.append(Diagnostic(.warning, at: raw.location, reason))
                continue
            }
            let mapped = try Self.map(raw, useDefault: useDefault)
            if let other = seen[mapped.rule.id] {
                throw DiagnosticError(at: raw.location, "rule '\(raw.id)' maps to the same keywarden id '\(mapped.rule.id)' as rule '\(other.id)' (\(other.location))")
            }
            seen[mapped.rule.id] = raw
            config.rules.append(mapped)
        }
        let ids = Set(rules.map(\.id))
        for list in allowlists {
            var resolved = list
            if let targets = list.targetRules {
                resolved.targetRules = targets.map { ids.contains($0) ? GitleaksConfigLoader.mappedID($0) : $0 }
            }
            config.allowlists.append(resolved)
        }
        return config
    }

    /// Why a rule is left out of the mapping (a warning, the scan goes on), or nil when it is mapped.
    static func leftOut(_ raw: RawRule, useDefault: Bool) -> String? {
        guard raw.regex == nil else { return nil }
        if raw.path != nil {
            // gitleaks' own default config has such rules (PKCS#12 files): a copy of it must still load.
            return "rule '\(raw.id)' is not used: a path-only rule (no regex) reports file names, which keywarden does not (a rule pack rule scoped with paths: reports their content)"
        }
        if useDefault {
            return "rule '\(raw.id)' is not used: without a regex it changes gitleaks' default rule of that id, which keywarden does not ship (keywarden's own catalogue is on); to keep its allowlist, move it to a global [[allowlists]]"
        }
        return nil
    }

    static func map(_ raw: RawRule, useDefault: Bool) throws -> GitleaksRule {
        guard let regexNode = raw.regex else {
            throw DiagnosticError(at: raw.location, "rule '\(raw.id)' needs a regex")
        }
        let (pattern, captures) = try GitleaksConfigLoader.pattern(regexNode)
        let secretGroup: SecretGroup
        if let node = raw.secretGroup {
            let number = try node.integer()
            guard number >= 0, number <= captures else {
                throw node.error("rule '\(raw.id)': secretGroup \(number), but the regex has \(captures) capture group\(captures == 1 ? "" : "s")")
            }
            secretGroup = number == 0 ? (captures > 0 ? .firstMatched : .whole) : .number(number)
        } else {
            // gitleaks takes the first capture group that matched something.
            secretGroup = captures > 0 ? .firstMatched : .whole
        }
        let minEntropy = try raw.entropy.map { node in
            let value = try node.number()
            guard (0...8).contains(value) else { throw node.error("rule '\(raw.id)': entropy must be between 0 and 8 bits per character") }
            return value
        }
        let path = try raw.path.map { try GitleaksConfigLoader.pattern($0).0 }
        let id = GitleaksConfigLoader.mappedID(raw.id)
        let rule = Rule(id: id, description: try raw.description?.string() ?? "gitleaks rule \(raw.id)", severity: .high,
                        keywords: raw.keywords.map { $0.lowercased() }.filter { !$0.isEmpty }, pattern: pattern.pattern,
                        // gitleaks drops a secret whose entropy is at most the rule's; keywarden one below its floor.
                        secretGroup: secretGroup, minEntropy: minEntropy.flatMap { $0 == 0 ? nil : $0.nextUp },
                        examples: [], negativeExamples: [], keywordScope: .item, standalone: true,
                        location: raw.location, patternLocation: regexNode.location)
        return GitleaksRule(gitleaksID: raw.id, rule: rule, path: path, allowlists: raw.allowlists)
    }
}
