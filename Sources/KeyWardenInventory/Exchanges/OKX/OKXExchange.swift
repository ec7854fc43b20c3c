import Foundation
import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let okx = ExchangeDescriptor(
        provider: .okx,
        // `perm` of /api/v5/account/config and the sub-account key listing: a comma list.
        permissions: PermissionTable(["read_only": [.read], "trade": [.trade], "withdraw": [.withdraw]]),
        connector: OKXConnector.self,
        lifecycleRules: [
            // OKX deletes keys with trade or withdraw and no IP binding after 14 days of inactivity.
            KeyLifecycleRule("OKX deletes unbound trade/withdraw keys after 14 idle days") { key in
                guard key.isUnbound, !key.permissions.isDisjoint(with: [.trade, .withdraw]),
                      let idleSince = key.lastUsed ?? key.created else { return nil }
                return idleSince.addingTimeInterval(14 * 86_400)
            },
        ])
}
