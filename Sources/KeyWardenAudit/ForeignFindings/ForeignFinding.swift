/// One finding of another scanner's report, reduced to what the leak cross-reference needs:
/// where it is, which of that tool's rules found it, and the values that may be key ids.
public struct ForeignFinding: Sendable, Hashable {
    public var rule: String
    public var path: String
    public var line: Int
    public var column: Int
    /// The secret as the tool reported it, when it did (for the report, redacted).
    public var secret: String?
    /// Values that may be a key id: the reported secret and the tokens of the matched text.
    /// Only those an inventory lists become key ids; the rest are never shown.
    public var candidates: [String]
    /// SHA-1 (hex) of the secret, where the tool keeps only that (detect-secrets).
    public var sha1: String?

    public init(rule: String, path: String, line: Int, column: Int = 1, secret: String? = nil, candidates: [String] = [], sha1: String? = nil) {
        self.rule = rule
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
        self.secret = secret
        self.candidates = candidates
        self.sha1 = sha1
    }

    /// The tokens of free text (a matched line, a SARIF message) that could be a key id: runs of
    /// key-id characters, 16 or more long. `KEY=3f2a…` gives `3f2a…`.
    static func tokens(_ text: String?) -> [String] {
        guard let text else { return [] }
        let keyCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_/+.")
        return text.split { !keyCharacters.contains($0) }.map(String.init).filter { $0.count >= 16 }
    }
}
