import KeyWardenSupport
/// A secret-detection rule: what it finds, how it is matched, and the examples that prove it.
public struct Rule: Sendable, Hashable, Codable {
    public let id: String
    public let description: String
    public let severity: Severity
    /// Words of which at least one must appear (case-insensitively) in the match, if any are given
    /// (anywhere in the scanned item with `keywordScope: .item`).
    public let keywords: [String]
    /// Where `keywords` are looked for.
    public enum KeywordScope: Sendable, Hashable, Codable {
        /// In the match: the keyword is part of the token (`ghp_`).
        case match
        /// Anywhere in the item (file, blob, decoded text) the match is in: gitleaks' meaning,
        /// kept for the rules mapped from a gitleaks config.
        case item
    }
    public let keywordScope: KeywordScope
    /// PCRE syntax accepted by both Hyperscan and PCRE2 (or by PCRE2 alone, with Hyperscan prefiltering).
    public let pattern: String
    public let secretGroup: SecretGroup
    /// The lowest Shannon entropy (bits per character) a secret must have to be reported.
    public let minEntropy: Double?
    /// The name of a checksum or structure validator the secret must pass.
    public let validator: String?
    public private(set) var examples: [String]
    public private(set) var negativeExamples: [String]
    public let references: [String]
    /// Words of which one must appear in the match or in the `contextLines` lines before it, at
    /// the start of a word: the provider a bare value belongs to (`okx:` section, `OKX_API_KEY=`).
    public let contextKeywords: [String]
    /// The credential set (provider) this rule finds a part of, and which part.
    public let credentialSet: String?
    public let part: CredentialPart?
    /// False for a `part: key` rule whose value is public on its own (an Azure client id, a
    /// Mailgun sending domain, a Google OAuth client id): it is reported only as the `keyId` of a
    /// set whose secret was found, never alone.
    public let reportAlone: Bool
    /// Rules whose overlapping matches this more precise rule replaces (e.g. `private-key-pem`).
    public let overrides: [String]
    /// A catch-all (`catchAll: true`): it gives way to any specific rule whose secret overlaps
    /// its own, so a value is reported once, by its most precise rule.
    public let catchAll: Bool
    /// Gitignore-style globs (`.s3cfg`, `**/.vscode/sftp.json`, `*.ppk`): when given, the rule
    /// applies only to items whose path matches one. Matching knows bytes, so the scan stage,
    /// which knows where the bytes came from, applies them; examples test the pattern alone.
    public let paths: [String]
    /// Why the pattern has no literal of `RequiredLiteral.minimumLength` characters every match
    /// must contain (nil when it has one). Hyperscan scans fastest from such a literal; a rule
    /// without one must say why it cannot have one, and the catalogue gate checks it.
    public let noLiteralFactor: String?
    /// The pass that finds where such a rule could match (`CandidateFinderNames`), so it is
    /// matched apart from Hyperscan: PCRE2 confirms only in the regions the pass finds. A pattern
    /// without a literal (a phrase of dictionary words, a bare base58 key) has Hyperscan run an
    /// automaton over every byte; a few such rules cost a third of a scan.
    public let candidates: String?
    /// Reported whatever other rules find on the same bytes, and never in their way: a rule a
    /// team brought from its gitleaks config reports each of its matches, as gitleaks would,
    /// instead of giving way to (or hiding) a built-in rule's finding of the same value.
    public let standalone: Bool
    /// How sure a match of this rule is, before what the finding itself shows (see
    /// `FindingConfidence`): declared (`confidence:`), else `medium` for a catch-all or a bare
    /// value that needs the provider's name nearby (`contextKeywords`), else `high`.
    public let confidence: Confidence
    /// How many lines before a match `contextKeywords` are looked for.
    public static let contextLines = 6
    /// Where the rule was declared, for error messages.
    public let location: SourceLocation
    /// Where the pattern was declared, for pattern compile errors.
    public let patternLocation: SourceLocation

    public init(id: String, description: String, severity: Severity, keywords: [String] = [], pattern: String,
                secretGroup: SecretGroup = .whole, minEntropy: Double? = nil, validator: String? = nil,
                examples: [String], negativeExamples: [String], references: [String] = [],
                contextKeywords: [String] = [], credentialSet: String? = nil, part: CredentialPart? = nil, reportAlone: Bool = true,
                overrides: [String] = [], catchAll: Bool = false, paths: [String] = [], noLiteralFactor: String? = nil, candidates: String? = nil,
                keywordScope: KeywordScope = .match, standalone: Bool = false, confidence: Confidence? = nil,
                location: SourceLocation = SourceLocation(file: "<builtin>", line: 1, column: 1),
                patternLocation: SourceLocation? = nil) {
        self.id = id
        self.description = description
        self.severity = severity
        self.keywords = keywords
        self.pattern = pattern
        self.secretGroup = secretGroup
        self.minEntropy = minEntropy
        self.validator = validator
        self.examples = examples
        self.negativeExamples = negativeExamples
        self.references = references
        self.contextKeywords = contextKeywords
        self.credentialSet = credentialSet
        self.part = part
        self.reportAlone = reportAlone
        self.overrides = overrides
        self.catchAll = catchAll
        self.paths = paths
        self.noLiteralFactor = noLiteralFactor
        self.candidates = candidates
        self.keywordScope = keywordScope
        self.standalone = standalone
        self.confidence = confidence ?? (catchAll || !contextKeywords.isEmpty ? .medium : .high)
        self.location = location
        self.patternLocation = patternLocation ?? location
    }

    /// The rule as a scan needs it: the examples are for `rules test` and make up most of a
    /// parsed catalogue, so the cached catalogue leaves them out.
    public var forScanning: Rule {
        var rule = self
        rule.examples = []
        rule.negativeExamples = []
        return rule
    }
}
