import Foundation
import KeyWardenInputs
import KeyWardenMatching

/// Where a finding from git history came from: the commit that introduced the blob at that
/// path, and whether the secret is still in the tree at HEAD.
public struct GitProvenance: Sendable, Hashable, Codable {
    public var commit: String
    public var author: String
    public var email: String
    public var date: Date
    public var presentAtHead: Bool

    public init(commit: String, author: String, email: String, date: Date, presentAtHead: Bool) {
        self.commit = commit
        self.author = author
        self.email = email
        self.date = date
        self.presentAtHead = presentAtHead
    }
}
