/// Shows enough of a secret to recognise it, never enough to use it.
public struct Redactor: Sendable {
    /// When true, secrets are shown in full (`--show-secrets`).
    public let showSecrets: Bool

    public init(showSecrets: Bool = false) { self.showSecrets = showSecrets }

    /// "AKIA…(20 chars)": up to 4 leading characters, an ellipsis and the length.
    ///
    /// Every character shown is one an attacker need not guess, so short secrets show less: none
    /// below 12 characters (a password), then one per 5 characters up to 4 (enough to recognise
    /// a token's prefix such as `AKIA` or `ghp_` on longer keys).
    public func redact(_ secret: String) -> String {
        if showSecrets { return secret }
        let characters = Array(secret)
        let shown = Self.shownCount(characters.count)
        let prefix = String(characters.prefix(shown)).filter { !$0.isNewline }
        return "\(prefix)…(\(characters.count) chars)"
    }

    static func shownCount(_ length: Int) -> Int { length < 12 ? 0 : min(4, length / 5) }
}
