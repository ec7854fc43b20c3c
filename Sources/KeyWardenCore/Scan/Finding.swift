/// A secret found in scanned content. Holds the secret in full; writers decide how to show it.
public struct Finding: Sendable, Hashable {
    public let rule: String
    public let description: String
    public let severity: Severity
    public let path: String
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

    public init(rule: String, description: String, severity: Severity, path: String, line: Int, column: Int,
                endLine: Int, endColumn: Int, secret: String, fingerprint: String? = nil, entropy: Double) {
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
    }

    /// The order every report lists findings in: by file, position, then rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.path, a.line, a.column, a.rule, a.fingerprint) < (b.path, b.line, b.column, b.rule, b.fingerprint)
    }
}
