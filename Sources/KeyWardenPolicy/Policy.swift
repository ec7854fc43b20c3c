/// A key policy (format v1): defaults every key must meet, the apps and their declared keys,
/// and the waivers in force. Loaded and linted by `PolicyLoader`.
public struct Policy: Sendable, Hashable {
    public static let formatVersion = 1

    public var defaults: KeyRequirements
    public var apps: [AppPolicy]
    public var waivers: [Waiver]
    /// The file the policy was read from.
    public var file: String

    public init(defaults: KeyRequirements = .standard, apps: [AppPolicy], waivers: [Waiver] = [], file: String = "policy.yaml") {
        self.defaults = defaults
        self.apps = apps
        self.waivers = waivers
        self.file = file
    }
}
