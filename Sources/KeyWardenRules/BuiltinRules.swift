/// The rule packs shipped with keywarden (`Rules/secrets/*.yaml`, embedded at build time).
public enum BuiltinRules {
    public static func load() throws -> [Rule] {
        var rules: [Rule] = []
        for pack in BuiltinRulePacks.files {
            rules += try RulePackLoader.parse(pack.text, file: pack.path)
        }
        try RulePackLoader.checkUnique(rules)
        return rules
    }

    /// Docs/rules.md for the shipped packs.
    public static func catalogueDocument() throws -> String {
        RuleCatalogueDocument.markdown(packs: BuiltinRulePacks.files.map { RuleCatalogueDocument.Pack(path: $0.path, text: $0.text) },
                                       rules: try load())
    }

    /// The embedded text of each pack, keyed by its repository path (for the drift test).
    public static var packs: [String: String] {
        Dictionary(uniqueKeysWithValues: BuiltinRulePacks.files.map { ($0.path, $0.text) })
    }
}
