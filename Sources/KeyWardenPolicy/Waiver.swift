import Foundation
import KeyWardenSupport

/// An accepted exception: one check, for one app or key, until a date. Past `expires` the
/// finding it hid comes back, together with a waiver-expired finding.
public struct Waiver: Sendable, Hashable {
    /// The check id the waiver silences.
    public var check: String
    /// An app name or a key id.
    public var target: String
    public var owner: String
    public var reason: String
    public var expires: Date
    public var location: SourceLocation

    public init(check: String, target: String, owner: String, reason: String, expires: Date, location: SourceLocation) {
        self.check = check
        self.target = target
        self.owner = owner
        self.reason = reason
        self.expires = expires
        self.location = location
    }

    /// In force at `now`: the expiry is still ahead.
    public func isActive(at now: Date) -> Bool { now < expires }
}
