import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport

/// Turns what an exchange answered into a `Verification` and the words a report shows.
enum VerificationWording {
    /// "live OKX key, can withdraw, not IP-bound".
    static func live(_ key: KeyRecord) -> Verification {
        let withdraw = key.permissions.contains(.withdraw), transfer = key.permissions.contains(.transfer)
        var words = ["live \(key.provider.displayName) key"]
        if withdraw { words.append("can withdraw") }
        if transfer { words.append("can transfer") }
        if !withdraw && !transfer { words.append(key.permissions.contains(.trade) ? "can trade" : "read only") }
        let ips: [String]
        switch key.ipBinding {
        case .unbound:
            words.append("not IP-bound")
            ips = []
        case .addresses(let list):
            words.append("IP-bound")
            ips = list
        case .unlisted:
            words.append("IP-bound (addresses not reported)")
            ips = []
        }
        if let expires = key.expires { words.append("expires \(ISO8601Date.day(expires))") }
        if let subAccount = key.subAccount { words.append("sub-account \(subAccount)") }
        return Verification(status: .live, provider: key.provider.rawValue, summary: words.joined(separator: ", "),
                            permissions: key.sortedPermissions.map(\.rawValue), rawPermissions: key.rawPermissions,
                            canWithdraw: withdraw, canTransfer: transfer, ips: ips, ipBound: !key.isUnbound,
                            expires: key.expires.map(ISO8601Date.format), subAccount: key.subAccount)
    }

    /// A rejected key is `invalid`; anything else that stopped the answer is `unknown`.
    static func failed(_ failure: FetchFailure) -> Verification {
        let provider = failure.provider
        switch failure.kind {
        case .authentication:
            return Verification(status: .invalid, provider: provider.rawValue,
                                summary: "invalid \(provider.displayName) key: rejected by \(provider.displayName)", reason: failure.description)
        case .permission:
            return unknown(provider, reason: "\(failure.description) (the key may exist but be bound to other IPs or lack the read permission)")
        default:
            return unknown(provider, reason: failure.description)
        }
    }

    static func unknown(_ provider: Provider, reason: String) -> Verification {
        Verification(status: .unknown, provider: provider.rawValue, summary: "\(provider.displayName) key not verified", reason: reason)
    }
}
