/// A confirmed rule match in a buffer: byte offsets of the whole match and of the secret.
public struct SecretMatch: Sendable, Hashable {
    public let ruleIndex: Int
    public let match: Range<Int>
    public let secret: Range<Int>
    public let entropy: Double
    /// Bytes between the nearest context keyword and the match end, for rules with context keywords.
    public var contextDistance: Int? = nil
}
