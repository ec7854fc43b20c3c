/// Shows enough of a secret to recognise it, never enough to use it.
public struct Redactor: Sendable {
    /// When true, secrets are shown in full (`--show-secrets`).
    public let showSecrets: Bool

    public init(showSecrets: Bool = false) { self.showSecrets = showSecrets }

    /// "AKIA…(20 chars)": up to 4 leading characters (fewer for short secrets, so a short password
    /// is never mostly revealed), an ellipsis and the length.
    public func redact(_ secret: String) -> String {
        if showSecrets { return secret }
        let characters = Array(secret)
        let shown = min(4, characters.count / 4)
        let prefix = String(characters.prefix(shown)).filter { !$0.isNewline }
        return "\(prefix)…(\(characters.count) chars)"
    }
}
