import KeyWardenAccounts
import KeyWardenSupport
/// One application's declared key: where it lives, what it may do, where it may be used from.
public struct AppPolicy: Sendable, Hashable {
    public var name: String
    /// Who answers for the key (a person or team); every app must have one.
    public var owner: String
    public var provider: Provider
    public var account: String
    /// The sub-account the key belongs to; nil for the account's main keys.
    public var subAccount: String?
    /// What the app's key may do, normalised. Anything more is a least-privilege finding.
    public var permissions: Set<Permission>
    /// Where the key may be used from. Empty: no restriction beyond `requireIPBinding`.
    public var ipNetworks: [IPNetwork]
    /// Key ids that belong to this app.
    public var keyIds: [String]
    /// Key labels that belong to this app (default: the app's name).
    public var labels: [String]
    public var requirements: KeyRequirements
    /// Where the app is declared, for reports that point back at the policy.
    public var location: SourceLocation

    public init(name: String, owner: String, provider: Provider, account: String, subAccount: String? = nil,
                permissions: Set<Permission>, ipNetworks: [IPNetwork] = [], keyIds: [String] = [], labels: [String]? = nil,
                requirements: KeyRequirements = .standard, location: SourceLocation) {
        self.name = name
        self.owner = owner
        self.provider = provider
        self.account = account
        self.subAccount = subAccount
        self.permissions = permissions
        self.ipNetworks = ipNetworks
        self.keyIds = keyIds
        self.labels = labels ?? [name]
        self.requirements = requirements
        self.location = location
    }

    /// True when the key is this app's: same provider, account and sub-account, and the key's id or
    /// label is one the app declares.
    public func claims(_ key: KeyRecord) -> Bool {
        guard key.provider == provider, key.account == account, key.subAccount == subAccount else { return false }
        if keyIds.contains(key.keyId) { return true }
        guard let label = key.label else { return false }
        return labels.contains(label)
    }
}
