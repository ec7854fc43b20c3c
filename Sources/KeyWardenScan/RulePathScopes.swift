#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KeyWardenRules

/// Applies rules' `paths:` scopes: which rules do not apply to an item known by some paths.
/// A credential file's layout (`secret_key = ...` in `.s3cfg`, `password=` under `[client]` in
/// `.my.cnf`) is evidence of a secret in that file only; the same bytes elsewhere are not.
///
/// A scope glob matches the end of a path, component by component, case-insensitively (the
/// tools that write these files run on Windows too): `.s3cfg` is a file of that name in any
/// directory, `.vscode/sftp.json` is `sftp.json` in a `.vscode` directory; `*`, `?` and `[...]`
/// stay within one component. Every file of a scan is checked against every scoped rule, so
/// this is fnmatch(3) on a few components, not a general glob walk.
struct RulePathScopes: Sendable {
    /// Scoped rules by index, each glob split into its lowercased components.
    private let scoped: [(index: Int, globs: [[String]])]
    private let ruleCount: Int

    init(rules: [Rule]) {
        scoped = rules.enumerated().compactMap { index, rule in
            rule.paths.isEmpty ? nil : (index, rule.paths.map(Self.components))
        }
        ruleCount = rules.count
    }

    /// A mask of the rules to skip (true = skip) for an item known by `paths`, or nil when every
    /// rule applies. An item without a path (standard input) skips every scoped rule.
    func skipped(for paths: [String]) -> [Bool]? {
        guard !scoped.isEmpty else { return nil }
        let names = paths.map(Self.components)
        var mask: [Bool]?
        for (index, globs) in scoped where !names.contains(where: { name in globs.contains { Self.matches($0, name) } }) {
            if mask == nil { mask = Array(repeating: false, count: ruleCount) }
            mask![index] = true
        }
        return mask
    }

    /// Whether `path` (components) ends with components matching `glob`'s.
    static func matches(_ glob: [String], _ path: [String]) -> Bool {
        guard !glob.isEmpty, glob.count <= path.count else { return false }
        for (pattern, component) in zip(glob.reversed(), path.reversed()) where fnmatch(pattern, component, 0) != 0 {
            return false
        }
        return true
    }

    static func components(_ path: String) -> [String] {
        path.lowercased().split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
