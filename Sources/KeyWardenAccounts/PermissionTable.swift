/// One exchange's own permission names and the normalised permissions each grants: the single
/// table the snapshot reader, the policy linter and the live key mapping all read. It is declared
/// in the exchange's folder (`Exchanges/<Name>/` in Inventory). Lookup ignores case, because
/// people write `SpotTrade` and `spottrade` alike.
public struct PermissionTable: Sendable {
    /// The raw names in the order the exchange documents them (the order live keys list them in).
    public let names: [String]
    private let byLowercasedName: [String: Set<Permission>]
    private let unlisted: @Sendable (String) -> Set<Permission>

    /// `unlisted` reads a name the live API reports but the table lacks (one the exchange added
    /// since): it must never take a new permission for a harmless one.
    public init(_ grants: KeyValuePairs<String, Set<Permission>>,
                unlisted: @escaping @Sendable (String) -> Set<Permission> = PermissionTable.byWords) {
        names = grants.map(\.key)
        byLowercasedName = Dictionary(grants.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $0.union($1) })
        self.unlisted = unlisted
    }

    /// What a raw name grants, or nil when the exchange has no such name (snapshots and policies
    /// reject such names: the user said something keywarden cannot check).
    public func permissions(for raw: String) -> Set<Permission>? {
        byLowercasedName[raw.lowercased()]
    }

    /// What a name the live API reported grants: the table's entry, or the exchange's reading of
    /// a name it added since.
    public func permissions(forReported raw: String) -> Set<Permission> {
        permissions(for: raw) ?? unlisted(raw)
    }

    /// Every normalised permission some raw name grants.
    public var supported: Set<Permission> {
        byLowercasedName.values.reduce(into: Set<Permission>()) { $0.formUnion($1) }
    }

    /// The default reading of an unlisted name: by the words in it, and trade when they say
    /// nothing (a permission that only reads would rarely be added without saying so).
    @Sendable public static func byWords(_ raw: String) -> Set<Permission> {
        let lowered = raw.lowercased()
        if lowered.contains("withdraw") { return [.withdraw] }
        if lowered.contains("transfer") { return [.transfer] }
        return [.trade]
    }
}
