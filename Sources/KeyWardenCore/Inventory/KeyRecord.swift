import Foundation

/// One API key as its provider describes it, in provider-neutral terms. The unit the audit
/// checks run on.
public struct KeyRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case active, disabled, expired, unknown
    }

    public var provider: Provider
    /// The account the key belongs to, as the policy names it.
    public var account: String
    /// The sub-account, when the key belongs to one.
    public var subAccount: String?
    /// The public identifier of the key (the "API key"), never the secret.
    public var keyId: String
    public var label: String?
    public var permissions: Set<Permission>
    /// The provider's own permission names, as evidence for findings.
    public var rawPermissions: [String]
    /// Bound IP addresses or CIDR networks; empty means not bound.
    public var ips: [String]
    public var created: Date?
    public var lastUsed: Date?
    public var expires: Date?
    public var status: Status

    public init(provider: Provider, account: String, subAccount: String? = nil, keyId: String, label: String? = nil,
                permissions: Set<Permission>, rawPermissions: [String] = [], ips: [String] = [], created: Date? = nil,
                lastUsed: Date? = nil, expires: Date? = nil, status: Status = .active) {
        self.provider = provider
        self.account = account
        self.subAccount = subAccount
        self.keyId = keyId
        self.label = label
        self.permissions = permissions
        self.rawPermissions = rawPermissions
        self.ips = ips
        self.created = created
        self.lastUsed = lastUsed
        self.expires = expires
        self.status = status
    }

    /// Sorted permissions, for stable output.
    public var sortedPermissions: [Permission] { permissions.sorted() }
}
