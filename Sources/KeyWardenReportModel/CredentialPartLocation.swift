/// Where another part of a grouped credential was found (its key or passphrase), so a report
/// can point at every line a rotation has to touch.
public struct CredentialPartLocation: Sendable, Hashable, Codable {
    public let rule: String
    public let line: Int
    public let column: Int
    public let endLine: Int

    public init(rule: String, line: Int, column: Int, endLine: Int) {
        self.rule = rule
        self.line = line
        self.column = column
        self.endLine = endLine
    }
}
