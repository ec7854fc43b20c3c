import Foundation
import KeyWardenAccounts

extension ExchangeDescriptor {
    public static let binance = ExchangeDescriptor(
        provider: .binance,
        // The boolean fields of /sapi/v1/account/apiRestrictions, in the order Binance lists them.
        permissions: PermissionTable([
            "enableReading": [.read], "enableSpotAndMarginTrading": [.trade], "enableMargin": [.trade],
            "enableFutures": [.trade], "enableVanillaOptions": [.trade], "enablePortfolioMarginTrading": [.trade],
            "enableFixApiTrade": [.trade], "enableFixReadOnly": [.read],
            "enableWithdrawals": [.withdraw], "enableInternalTransfer": [.transfer], "permitsUniversalTransfer": [.transfer],
        ]),
        connector: BinanceConnector.self,
        lifecycleRules: [
            // Binance keeps Spot & Margin trading for 30 days on keys without an IP whitelist; when the
            // API reports `tradingAuthorityExpirationTime` it is the key's `expires` and wins.
            KeyLifecycleRule("Binance drops trading on keys without an IP whitelist after 30 days") { key in
                guard key.isUnbound, key.permissions.contains(.trade), key.expires == nil, let created = key.created else { return nil }
                return created.addingTimeInterval(30 * 86_400)
            },
            // Binance deletes keys without an IP restriction that hold any permission beyond reading
            // once they go unused (30 days); it does not report last use, so creation counts.
            .unboundKeysEnd(idleDays: 30, holding: [.trade, .transfer, .withdraw],
                            "Binance deletes keys without an IP restriction that hold more than reading after 30 days unused"),
        ],
        expiryMeaning: "Binance ends the key's spot & margin trading (tradingAuthorityExpirationTime)")
}
