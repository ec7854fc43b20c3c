import Crypto
import Foundation
import KeyWardenSupport
/// The rule packs shipped with keywarden (`Rules/secrets/*.yaml`, embedded at build time).
public enum BuiltinRules {
    /// What the parsed catalogue depends on: keywarden's version (the loader) and every pack's
    /// path and text. A cache of parsed rules keyed by it is valid exactly as long as both are.
    /// The packs' part is the digest made when they were embedded (see `packsDigest`): hashing
    /// 700 KB of YAML at every start cost a pre-commit scan a millisecond.
    public static var contentKey: String {
        SHA256.hash(data: Array("keywarden \(KeyWarden.version)\0\(BuiltinRulePacks.digest)".utf8)).hexString
    }

    /// SHA-256 over each pack's path and text, each followed by a NUL, in order: what
    /// Scripts/embed_rules.py writes into `BuiltinRulePacks.digest` (a test checks the two agree).
    static func packsDigest() -> String {
        var hasher = SHA256()
        for pack in BuiltinRulePacks.files {
            hasher.update(data: Data(pack.path.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: Data(pack.text.utf8))
            hasher.update(data: Data([0]))
        }
        return hasher.finalize().hexString
    }

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
