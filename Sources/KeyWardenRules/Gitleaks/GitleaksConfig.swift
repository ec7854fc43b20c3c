import KeyWardenSupport

/// A gitleaks or betterleaks configuration (`.gitleaks.toml`) mapped onto keywarden's model:
/// its rules as keywarden rules, its allowlists as data the scan's gitleaks filter applies.
/// Docs/gitleaks-config.md describes the mapping.
public struct GitleaksConfig: Sendable {
    /// The config's rules, in the order written (base configs first), each with its allowlists.
    public var rules: [GitleaksRule] = []
    /// The global allowlists (`[allowlist]` and `[[allowlists]]`).
    public var allowlists: [GitleaksAllowlist] = []
    /// `[extend] useDefault = true`: gitleaks' own catalogue stays on. keywarden's built-in
    /// catalogue is on in any case, so this only changes what an allowlist-only rule means.
    public var useDefault = false
    /// The files read, the extending one last.
    public var files: [String] = []
    /// Rules left out, each with where and why (a path-only rule; a rule that only changes one of
    /// gitleaks' default rules): a scan goes on without them and says so, `lint` lists them.
    public var warnings: [Diagnostic] = []

    public init() {}

    /// The keywarden rule id a gitleaks rule id maps to, if the config has that rule.
    public func mappedID(forGitleaksID id: String) -> String? {
        rules.first { $0.gitleaksID == id }?.rule.id
    }
}

/// One `[[rules]]` entry, mapped.
public struct GitleaksRule: Sendable {
    /// The id as the config writes it (what `.gitleaksignore` and `targetRules` name).
    public let gitleaksID: String
    public let rule: Rule
    /// `path`: the rule reports only in files whose path this (PCRE) matches.
    public let path: GitleaksPattern?
    /// `[rules.allowlist]` and `[[rules.allowlists]]`.
    public let allowlists: [GitleaksAllowlist]

    public init(gitleaksID: String, rule: Rule, path: GitleaksPattern?, allowlists: [GitleaksAllowlist]) {
        self.gitleaksID = gitleaksID
        self.rule = rule
        self.path = path
        self.allowlists = allowlists
    }
}

/// A regex from the config, translated to PCRE, with where it was written.
public struct GitleaksPattern: Sendable, Hashable {
    public let pattern: String
    public let location: SourceLocation
}

/// An allowlist: a finding it allows is not reported.
public struct GitleaksAllowlist: Sendable {
    /// What `regexes` are matched against.
    public enum Target: String, Sendable, CaseIterable {
        /// The secret (the secret group's text).
        case secret
        /// The rule's whole match.
        case match
        /// The whole line (or lines) the match is on.
        case line
    }
    /// `OR` (default): any one check that is given allows; `AND`: every check given must.
    public enum Condition: String, Sendable, CaseIterable {
        case or = "OR", and = "AND"
    }

    public var description: String?
    public var condition: Condition = .or
    public var target: Target = .secret
    public var regexes: [GitleaksPattern] = []
    public var paths: [GitleaksPattern] = []
    /// Lowercased; a secret containing one (any case) is allowed.
    public var stopwords: [String] = []
    /// Lowercased commit ids.
    public var commits: [String] = []
    /// Global allowlists only: the gitleaks rule ids it applies to (nil: every rule, built-in ones too).
    public var targetRules: [String]?
    public let location: SourceLocation

    public init(location: SourceLocation) { self.location = location }

    /// Whether it can allow anything (an allowlist with no check is an error in the config).
    public var isEmpty: Bool { regexes.isEmpty && paths.isEmpty && stopwords.isEmpty && commits.isEmpty }
}
