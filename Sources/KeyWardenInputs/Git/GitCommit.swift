import Foundation

/// Who made a commit and when (author, not committer: the person who wrote the change).
public struct GitCommit: Sendable, Hashable {
    public let id: String
    public let author: String
    public let email: String
    public let date: Date

    public init(id: String, author: String, email: String, date: Date) {
        self.id = id
        self.author = author
        self.email = email
        self.date = date
    }
}
