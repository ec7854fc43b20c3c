import KeyWardenAccounts
/// An app's `overrides`: each value set replaces the policy default for that app only.
public struct KeyRequirementOverrides: Sendable, Hashable {
    public var maxKeyAgeDays: Int?
    public var warningDays: Int?
    public var requireIPBinding: Bool?
    public var forbiddenPermissions: Set<Permission>?
    public var unusedKeyDays: Int?
    public var maxKeysPerApp: Int?

    public init(maxKeyAgeDays: Int? = nil, warningDays: Int? = nil, requireIPBinding: Bool? = nil,
                forbiddenPermissions: Set<Permission>? = nil, unusedKeyDays: Int? = nil, maxKeysPerApp: Int? = nil) {
        self.maxKeyAgeDays = maxKeyAgeDays
        self.warningDays = warningDays
        self.requireIPBinding = requireIPBinding
        self.forbiddenPermissions = forbiddenPermissions
        self.unusedKeyDays = unusedKeyDays
        self.maxKeysPerApp = maxKeysPerApp
    }
}
