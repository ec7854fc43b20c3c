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
    /// Bound IP addresses or CIDR networks; empty (or only `*`) means not bound.
    public var ips: [String]
    /// The provider says the key is bound to addresses but does not say which (Binance reports
    /// only a flag): the binding counts, its addresses cannot be checked.
    public var ipsUnlisted: Bool
    public var created: Date?
    public var lastUsed: Date?
    public var expires: Date?
    public var status: Status
    /// The key was issued to a third-party app connected to the account (Bybit `type` 2), not
    /// made by the account holder: its permissions are the app's to use.
    public var thirdParty: Bool

    public init(provider: Provider, account: String, subAccount: String? = nil, keyId: String, label: String? = nil,
                permissions: Set<Permission>, rawPermissions: [String] = [], ips: [String] = [], ipsUnlisted: Bool = false,
                created: Date? = nil, lastUsed: Date? = nil, expires: Date? = nil, status: Status = .active, thirdParty: Bool = false) {
        self.provider = provider
        self.account = account
        self.subAccount = subAccount
        self.keyId = keyId
        self.label = label
        self.permissions = permissions
        self.rawPermissions = rawPermissions
        self.ips = ips
        self.ipsUnlisted = ipsUnlisted
        self.created = created
        self.lastUsed = lastUsed
        self.expires = expires
        self.status = status
        self.thirdParty = thirdParty
    }

    /// How the key is bound to client addresses, whatever the provider's way of saying it.
    public enum IPBinding: Sendable, Hashable {
        /// Any address may use the key.
        case unbound
        /// Only these addresses or networks may.
        case addresses([String])
        /// Bound, but the provider does not list the addresses.
        case unlisted
    }

    public var ipBinding: IPBinding {
        if ipsUnlisted { return .unlisted }
        return ips.allSatisfy { $0 == "*" } ? .unbound : .addresses(ips)
    }

    /// Any address may use the key.
    public var isUnbound: Bool { ipBinding == .unbound }

    /// The binding as evidence text.
    public var ipsDescription: String {
        switch ipBinding {
        case .unbound where ips.isEmpty: "none"
        case .unbound, .addresses: ips.joined(separator: ", ")
        case .unlisted: "restricted (list not reported by \(provider.displayName))"
        }
    }

    /// Sorted permissions, for stable output.
    public var sortedPermissions: [Permission] { permissions.sorted() }

    private enum CodingKeys: String, CodingKey {
        case provider, account, subAccount, keyId, label, permissions, rawPermissions, ips, ipsUnlisted, created, lastUsed, expires, status, thirdParty
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(provider: try container.decode(Provider.self, forKey: .provider),
                  account: try container.decode(String.self, forKey: .account),
                  subAccount: try container.decodeIfPresent(String.self, forKey: .subAccount),
                  keyId: try container.decode(String.self, forKey: .keyId),
                  label: try container.decodeIfPresent(String.self, forKey: .label),
                  permissions: try container.decode(Set<Permission>.self, forKey: .permissions),
                  rawPermissions: try container.decodeIfPresent([String].self, forKey: .rawPermissions) ?? [],
                  ips: try container.decodeIfPresent([String].self, forKey: .ips) ?? [],
                  ipsUnlisted: try container.decodeIfPresent(Bool.self, forKey: .ipsUnlisted) ?? false,
                  created: try container.decodeIfPresent(Date.self, forKey: .created),
                  lastUsed: try container.decodeIfPresent(Date.self, forKey: .lastUsed),
                  expires: try container.decodeIfPresent(Date.self, forKey: .expires),
                  status: try container.decodeIfPresent(Status.self, forKey: .status) ?? .active,
                  thirdParty: try container.decodeIfPresent(Bool.self, forKey: .thirdParty) ?? false)
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
        if ipsUnlisted { try container.encode(true, forKey: .ipsUnlisted) }
        try container.encodeIfPresent(created, forKey: .created)
        try container.encodeIfPresent(lastUsed, forKey: .lastUsed)
        try container.encodeIfPresent(expires, forKey: .expires)
        try container.encode(status, forKey: .status)
        if thirdParty { try container.encode(true, forKey: .thirdParty) }
    }
}
