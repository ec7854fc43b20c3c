import Foundation
import KeyWardenSupport

/// What `--verify` learned about a found credential by asking the provider that issued it.
/// Field names are a contract (saved JSON, SARIF properties). Never holds the secret.
public struct Verification: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable, Hashable {
        /// The provider accepted the key and described it.
        case live
        /// The provider rejected the key: revoked, or the secret or passphrase is wrong.
        case invalid
        /// No answer either way; `reason` says why (network, rate limit, incomplete set).
        case unknown
    }

    public var status: Status
    /// The provider asked (`okx`, `binance`, ...).
    public var provider: String
    /// One line for people: "live OKX key, can withdraw, not IP-bound".
    public var summary: String
    /// Normalised permissions of a live key, least powerful first (read, trade, transfer, withdraw).
    public var permissions: [String]?
    /// The provider's own permission names (an exchange's permissions, a token's scopes).
    public var rawPermissions: [String]?
    public var canWithdraw: Bool?
    public var canTransfer: Bool?
    /// Bound IP addresses or networks; empty when the key may be used from anywhere.
    public var ips: [String]?
    /// False when any address may use the key.
    public var ipBound: Bool?
    /// ISO 8601, when the provider reports an expiry.
    public var expires: String?
    /// The sub-account the key belongs to, when the provider says.
    public var subAccount: String?
    /// Who the key acts as, when the provider says (a GitHub user, an AWS principal ARN, a
    /// Slack user and workspace, a Stripe account).
    public var identity: String?
    /// Why the result is `invalid` or `unknown`, in words.
    public var reason: String?

    public init(status: Status, provider: String, summary: String, permissions: [String]? = nil, rawPermissions: [String]? = nil,
                canWithdraw: Bool? = nil, canTransfer: Bool? = nil, ips: [String]? = nil, ipBound: Bool? = nil, expires: String? = nil,
                subAccount: String? = nil, identity: String? = nil, reason: String? = nil) {
        self.status = status
        self.provider = provider
        self.summary = summary
        self.permissions = permissions
        self.rawPermissions = rawPermissions
        self.canWithdraw = canWithdraw
        self.canTransfer = canTransfer
        self.ips = ips
        self.ipBound = ipBound
        self.expires = expires
        self.subAccount = subAccount
        self.identity = identity
        self.reason = reason
    }

    /// A live key that can move funds off the account, or that anyone anywhere can use.
    public var isDangerous: Bool {
        status == .live && (canWithdraw == true || canTransfer == true || ipBound == false)
    }

    /// The result as evidence lines for the review formats.
    public var evidence: [Evidence] {
        var lines = [Evidence("verification", status.rawValue)]
        if let permissions { lines.append(Evidence("verifiedPermissions", permissions.isEmpty ? "none" : permissions.joined(separator: ", "))) }
        if let ips { lines.append(Evidence("verifiedIPs", ips.isEmpty ? "not bound" : ips.joined(separator: ", "))) }
        if let expires { lines.append(Evidence("verifiedExpires", expires)) }
        if let subAccount { lines.append(Evidence("verifiedSubAccount", subAccount)) }
        if let identity { lines.append(Evidence("verifiedIdentity", identity)) }
        if permissions == nil, let rawPermissions { lines.append(Evidence("verifiedScopes", rawPermissions.isEmpty ? "none" : rawPermissions.joined(separator: " "))) }
        if let reason { lines.append(Evidence("verificationReason", reason)) }
        return lines
    }
}
