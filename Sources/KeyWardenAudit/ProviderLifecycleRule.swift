import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenPolicy

/// An exchange rule that ends a key (or part of what it may do) on its own: keywarden warns
/// before it happens, since a bot that loses its key at 3 a.m. is an outage
/// (reference/exchanges.md §4).
public struct ProviderLifecycleRule: Sendable {
    public let provider: Provider
    /// What happens, in the exchange's terms, for the finding's message.
    public let consequence: String
    /// When the rule ends the key, or nil when it does not apply to it.
    public let deadline: @Sendable (KeyRecord) -> Date?

    public static let all: [ProviderLifecycleRule] = [
        // OKX deletes keys with trade or withdraw and no IP binding after 14 days of inactivity.
        ProviderLifecycleRule(provider: .okx, consequence: "OKX deletes unbound trade/withdraw keys after 14 idle days") { key in
            guard key.isUnbound, !key.permissions.isDisjoint(with: [.trade, .withdraw]),
                  let idleSince = key.lastUsed ?? key.created else { return nil }
            return idleSince.adding(days: 14)
        },
        // Binance keeps Spot & Margin trading for 30 days on keys without an IP whitelist; when the
        // API reports `tradingAuthorityExpirationTime` it is the key's `expires` and wins.
        ProviderLifecycleRule(provider: .binance, consequence: "Binance drops trading on keys without an IP whitelist after 30 days") { key in
            guard key.isUnbound, key.permissions.contains(.trade), key.expires == nil, let created = key.created else { return nil }
            return created.adding(days: 30)
        },
        ProviderLifecycleRule(provider: .bybit, consequence: "Bybit invalidates keys without an IP binding after 90 days") { key in
            guard key.isUnbound, let created = key.created else { return nil }
            return created.adding(days: 90)
        },
        ProviderLifecycleRule(provider: .gate, consequence: "Gate invalidates keys without an IP binding after 90 days") { key in
            guard key.isUnbound, let created = key.created else { return nil }
            return created.adding(days: 90)
        },
    ]
}
