import KeyWardenAccounts
import KeyWardenSupport
/// The policy file format v1, declared once: the loader checks keys against it, the JSON Schema
/// (`keywarden schema policy`) is generated from it, so the two cannot drift apart.
public enum PolicyFormat {
    /// One key of a mapping in the format.
    public struct Field: Sendable {
        public let name: String
        public let type: FieldType
        public let required: Bool
        public let description: String

        init(_ name: String, _ type: FieldType, required: Bool = false, _ description: String) {
            self.name = name
            self.type = type
            self.required = required
            self.description = description
        }
    }

    public indirect enum FieldType: Sendable {
        case integer(minimum: Int)
        case boolean
        case string
        /// `YYYY-MM-DD` or an ISO 8601 date-time.
        case date
        case choice([String])
        /// A list of strings, each described by `item`; a single string is accepted too.
        case list(item: FieldType)
        case object([Field])
    }

    static let days = FieldType.integer(minimum: 0)
    static let normalisedPermissions = FieldType.list(item: .choice(Permission.allCases.map(\.rawValue)))

    /// The keys of `defaults` and of an app's `overrides`.
    public static let requirementFields: [Field] = [
        Field("maxKeyAgeDays", days, "Rotate keys older than this many days (rotation-age). Default 90."),
        Field("warningDays", days, "Warn this many days before a rotation, expiry or lifecycle deadline. Default 14."),
        Field("requireIPBinding", .boolean, "Keys must be bound to IP addresses (ip-whitelist). Default true."),
        Field("forbiddenPermissions", normalisedPermissions,
              "Permissions no key may hold, even when an app declares them (least-privilege). Default none."),
        Field("unusedKeyDays", days, "Report keys unused for this many days, where the provider reports last use (unused-key). Default 45."),
        Field("maxKeysPerApp", .integer(minimum: 1), "How many active keys one app may have (one-key-per-app). Default 1."),
    ]

    public static let appFields: [Field] = [
        Field("name", .string, required: true, "The app's name, unique in the policy; waivers target it."),
        Field("owner", .string, required: true, "Who answers for the key: a person or team."),
        Field("description", .string, "What the app does."),
        Field("provider", .choice(Provider.allCases.map(\.rawValue)), required: true, "The exchange that issued the key."),
        Field("account", .string, required: true, "The account name, as the inventory snapshot names it."),
        Field("subAccount", .string, "The sub-account the key belongs to; omit for the account's own keys."),
        Field("permissions", .list(item: .string), required: true,
              "What the key may do: read, trade, withdraw, transfer, or the provider's own permission names."),
        Field("ipNetworks", .list(item: .string), "Where the key may be used from: IPv4/IPv6 addresses or CIDR networks."),
        Field("keyIds", .list(item: .string), "Key ids (public API keys) that belong to this app."),
        Field("labels", .list(item: .string), "Key labels that belong to this app. Default: the app's name."),
        Field("overrides", .object(requirementFields), "Replaces defaults for this app only."),
    ]

    public static let waiverFields: [Field] = [
        Field("check", .string, required: true, "The check id the waiver silences."),
        Field("target", .string, required: true, "An app name or a key id."),
        Field("owner", .string, required: true, "Who accepted the risk."),
        Field("reason", .string, required: true, "Why the exception is acceptable."),
        Field("expires", .date, required: true, "When the waiver ends (at most a year ahead); after it the finding returns."),
    ]

    public static let topFields: [Field] = [
        Field("version", .integer(minimum: 1), required: true, "The policy format version: 1."),
        Field("defaults", .object(requirementFields), "Requirements for every key; apps may override them."),
        Field("apps", .list(item: .object(appFields)), "The apps and their declared keys."),
        Field("waivers", .list(item: .object(waiverFields)), "Accepted exceptions, each with an expiry date."),
    ]
}
