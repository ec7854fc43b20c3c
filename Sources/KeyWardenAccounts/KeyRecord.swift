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

    private enum CodingKeys: String, CodingKey {
        case provider, account, subAccount, keyId, label, permissions, rawPermissions, ips, created, lastUsed, expires, status
    }

    /// As synthesised, except that permissions are written sorted: a Set iterates in a per-process
    /// order, and output must be byte-identical across runs.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(provider, forKey: .provider)
        try container.encode(account, forKey: .account)
        try container.encodeIfPresent(subAccount, forKey: .subAccount)
        try container.encode(keyId, forKey: .keyId)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encode(sortedPermissions, forKey: .permissions)
        try container.encode(rawPermissions, forKey: .rawPermissions)
        try container.encode(ips, forKey: .ips)
        try container.encodeIfPresent(created, forKey: .created)
        try container.encodeIfPresent(lastUsed, forKey: .lastUsed)
        try container.encodeIfPresent(expires, forKey: .expires)
        try container.encode(status, forKey: .status)
    }
}
