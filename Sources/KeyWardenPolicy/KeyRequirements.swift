import KeyWardenAccounts
/// What every key of an app must satisfy: the policy's `defaults`, with an app's `overrides`
/// applied on top.
public struct KeyRequirements: Sendable, Hashable {
    /// Keys older than this must be rotated (rotation-age).
    public var maxKeyAgeDays: Int
    /// How many days before a deadline (rotation, expiry, lifecycle) to warn.
    public var warningDays: Int
    /// Keys must be bound to IP addresses (ip-whitelist).
    public var requireIPBinding: Bool
    /// Permissions no key may hold, declared or not (least-privilege).
    public var forbiddenPermissions: Set<Permission>
    /// Keys unused for longer than this are reported, where the provider reports last use (unused-key).
    public var unusedKeyDays: Int
    /// How many active keys one app may have (one-key-per-app).
    public var maxKeysPerApp: Int

    public init(maxKeyAgeDays: Int = 90, warningDays: Int = 14, requireIPBinding: Bool = true,
                forbiddenPermissions: Set<Permission> = [], unusedKeyDays: Int = 45, maxKeysPerApp: Int = 1) {
        self.maxKeyAgeDays = maxKeyAgeDays
        self.warningDays = warningDays
        self.requireIPBinding = requireIPBinding
        self.forbiddenPermissions = forbiddenPermissions
        self.unusedKeyDays = unusedKeyDays
        self.maxKeysPerApp = maxKeysPerApp
    }

    /// The built-in defaults, as DESIGN.md's check catalogue lists them.
    public static let standard = KeyRequirements()

    /// These requirements with every value the overrides set replaced.
    public func applying(_ overrides: KeyRequirementOverrides) -> KeyRequirements {
        var result = self
        if let value = overrides.maxKeyAgeDays { result.maxKeyAgeDays = value }
        if let value = overrides.warningDays { result.warningDays = value }
        if let value = overrides.requireIPBinding { result.requireIPBinding = value }
        if let value = overrides.forbiddenPermissions { result.forbiddenPermissions = value }
        if let value = overrides.unusedKeyDays { result.unusedKeyDays = value }
        if let value = overrides.maxKeysPerApp { result.maxKeysPerApp = value }
        return result
    }
}
