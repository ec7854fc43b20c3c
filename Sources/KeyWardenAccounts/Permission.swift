/// What a key may do, normalised across providers. Each provider's own permission names map
/// onto these (the raw names are kept in `KeyRecord.rawPermissions` as evidence).
public enum Permission: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// View balances, orders, positions.
    case read
    /// Place and cancel orders (spot, margin, derivatives).
    case trade
    /// Send funds off the exchange.
    case withdraw
    /// Move funds between the account's own sub-accounts or wallets.
    case transfer

    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .read: 0
        case .trade: 1
        case .transfer: 2
        case .withdraw: 3
        }
    }
}
