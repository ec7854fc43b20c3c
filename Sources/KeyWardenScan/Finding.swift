import KeyWardenInputs
import KeyWardenMatching
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenSupport
/// A secret found in scanned content. Holds the secret in full; writers decide how to show it.
public struct Finding: Sendable, Hashable {
    public let rule: String
    public let description: String
    public let severity: Severity
    /// How sure the finding is (see `FindingConfidence`); `--confidence` reports those at or above a level.
    public var confidence: Confidence = .high
    public var path: String
    /// 1-based line and column (in Unicode code points) of the secret's first character.
    public let line: Int
    public let column: Int
    /// 1-based line and column of the secret's last character.
    public let endLine: Int
    public let endColumn: Int
    public let secret: String
    /// Hex SHA-256 of rule id, NUL, secret: stable when the secret moves to another line.
    public let fingerprint: String
    public let entropy: Double
    /// The public identifier of the credential (an exchange API key, an AWS access key id), in
    /// full: it is not the secret, and it is what an account inventory lists.
    public var keyId: String?
    /// How the secret was encoded where it was found ("base64", "percent"), when it was decoded to be found.
    public var decodedFrom: String?
    /// The other parts of a credential set reported as this one finding (its key, its passphrase).
    public var parts: [CredentialPartLocation]?
    /// The credential set (rule `credentialSet`, e.g. `okx`) the finding is part of.
    public var credentialSet: String?
    /// The set's passphrase in full, kept only so `--verify` can sign with it: no report
    /// carries it (the report model has no field for it).
    public var passphrase: String?
    /// Set for findings from git history.
    public var git: GitProvenance?
    /// Where inside an archive the secret is (`inner.jar!/config/app.properties`), until the
    /// source places the finding at `<archive path>!/<archivePath>`.
    public var archivePath: String?
    /// The suppression (inline marker or baseline entry) that would hide this finding but has
    /// lapsed (expired, or lacks the metadata the configuration requires): the finding is
    /// reported, with what the suppression said and why it no longer counts.
    public var lapsedSuppression: SuppressionLapse?
    /// The rule's whole match and the lines it is on, kept only when a gitleaks config's
    /// allowlists may test them (`regexTarget = "match"` or `"line"`); no report carries them.
    public var matchContext: MatchContext?

    /// `path` is empty until a scan source places the finding.
    public init(rule: String, description: String, severity: Severity, path: String = "", line: Int, column: Int,
                endLine: Int, endColumn: Int, secret: String, fingerprint: String? = nil, entropy: Double,
                keyId: String? = nil, decodedFrom: String? = nil, git: GitProvenance? = nil,
                parts: [CredentialPartLocation]? = nil) {
        self.rule = rule
        self.description = description
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.secret = secret
        self.fingerprint = fingerprint ?? Fingerprint.of(rule: rule, secret: secret)
        self.entropy = entropy
        self.keyId = keyId
        self.decodedFrom = decodedFrom
        self.git = git
        self.parts = parts
    }

    /// The order every report lists findings in: by file, position, then rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.path, a.line, a.column, a.rule, a.fingerprint) < (b.path, b.line, b.column, b.rule, b.fingerprint)
    }

    /// `reportOrder`, then the commit's date and name: the same path from two commits lists the
    /// oldest first. One pass over the fields (sorting with `reportOrder` both ways compared
    /// each pair twice).
    static func historyOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.fingerprint != b.fingerprint { return a.fingerprint < b.fingerprint }
        let (aDate, bDate) = (a.git?.date ?? .distantPast, b.git?.date ?? .distantPast)
        if aDate != bDate { return aDate < bDate }
        return (a.git?.commit ?? "") < (b.git?.commit ?? "")
    }
}

/// What a gitleaks allowlist with `regexTarget` `match` or `line` tests, besides the secret.
public struct MatchContext: Sendable, Hashable {
    /// The rule's whole match (for a decoded secret, the encoded text it was found in).
    public let match: String
    /// The whole lines the match is on, without the final newline.
    public let lines: String
    /// The 1-based line the match starts on: gitleaks' line for a finding (a match may start on
    /// the line before its secret), which `.gitleaksignore` fingerprints count.
    public let line: Int
}
