import Foundation
import KeyWardenAccounts

/// An exchange rule that ends a key (or part of what it may do) on its own: keywarden warns
/// before it happens, since a bot that loses its key at 3 a.m. is an outage
/// (reference/exchanges.md §4).
public struct KeyLifecycleRule: Sendable {
    /// What happens, in the exchange's terms, for the finding's message.
    public let consequence: String
    /// When the rule ends the key, or nil when it does not apply to it.
    public let deadline: @Sendable (KeyRecord) -> Date?

    public init(_ consequence: String, deadline: @escaping @Sendable (KeyRecord) -> Date?) {
        self.consequence = consequence
        self.deadline = deadline
    }

    /// Unbound keys holding any of `permissions` end after `days` without use (counted from
    /// creation when the exchange does not report last use).
    public static func unboundKeysEnd(idleDays days: Int, holding permissions: Set<Permission>, _ consequence: String) -> KeyLifecycleRule {
        KeyLifecycleRule(consequence) { key in
            guard key.isUnbound, !key.permissions.isDisjoint(with: permissions), let idleSince = key.lastUsed ?? key.created else { return nil }
            return idleSince.addingTimeInterval(Double(days) * 86_400)
        }
    }

    /// Unbound keys end `days` after they were created.
    public static func unboundKeysEnd(after days: Int, _ consequence: String) -> KeyLifecycleRule {
        KeyLifecycleRule(consequence) { key in
            guard key.isUnbound, let created = key.created else { return nil }
            return created.addingTimeInterval(Double(days) * 86_400)
        }
    }
}
