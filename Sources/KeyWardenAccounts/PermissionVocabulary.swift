/// The permission names of every exchange, as the policy linter reads them. Built from the
/// exchanges' own tables (`Exchanges.permissionVocabulary` in Inventory) and handed to the policy
/// loader, so Policy knows the names without knowing the exchanges' code.
public struct PermissionVocabulary: Sendable {
    private let tables: [Provider: PermissionTable]

    public init(_ tables: [Provider: PermissionTable]) {
        self.tables = tables
    }

    public func table(for provider: Provider) -> PermissionTable {
        tables[provider] ?? PermissionTable([:])
    }

    /// A name as a policy may write it: a normalised permission the provider supports, or one of
    /// the provider's raw names. Nil when it is neither. A raw name spelled exactly as the provider
    /// spells it wins over a normalised one: KuCoin's `Transfer` is a withdrawal, `transfer` is not.
    public func resolve(_ name: String, provider: Provider) -> Set<Permission>? {
        let table = table(for: provider)
        if table.names.contains(name) { return table.permissions(for: name) }
        if let permission = Permission(rawValue: name.lowercased()) {
            return table.supported.contains(permission) ? [permission] : nil
        }
        return table.permissions(for: name)
    }

    /// Every name `resolve` accepts for the provider, sorted, for suggestions and messages.
    public func acceptedNames(for provider: Provider) -> [String] {
        let table = table(for: provider)
        let normalised = table.supported.sorted().map(\.rawValue)
        return normalised + table.names.sorted().filter { !normalised.contains($0.lowercased()) }
    }
}
