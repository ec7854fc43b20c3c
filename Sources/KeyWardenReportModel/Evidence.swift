/// One value that made a check fail (`permissions: read, trade, withdraw`), shown with the finding.
public struct Evidence: Sendable, Hashable, Codable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
