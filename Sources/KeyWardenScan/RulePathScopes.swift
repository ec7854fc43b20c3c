#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KeyWardenRules
import KeyWardenSupport

/// Applies rules' `paths:` scopes: which rules do not apply to an item known by some paths.
/// A credential file's layout (`secret_key = ...` in `.s3cfg`, `password=` under `[client]` in
/// `.my.cnf`) is evidence of a secret in that file only; the same bytes elsewhere are not.
///
/// A scope glob matches the end of a path, component by component, case-insensitively (the
/// tools that write these files run on Windows too): `.s3cfg` is a file of that name in any
/// directory, `.vscode/sftp.json` is `sftp.json` in a `.vscode` directory; `*`, `?` and `[...]`
/// stay within one component. Every file of a scan is checked against every scoped rule, so the
/// globs are split and converted to C strings once, and each path's trailing components once per
/// item: fnmatch(3) then runs on ready buffers, and literal components are compared directly.
struct RulePathScopes: Sendable {
    /// Scoped rules by index, each glob split into its lowercased components.
    private let scoped: [(index: Int, globs: [Glob])]
    private let ruleCount: Int
    /// The most components any glob has: only that many trailing path components are compared.
    private let depth: Int
    /// Every glob's last component, once each: a file name none of them matches is out of every
    /// scope, which is the answer for almost every file (checked before splitting whole paths).
    private let lastComponents: [Glob]
    /// What each of `lastComponents` needs of a file name, checked on the path's bytes first:
    /// this runs for every file of a scan, and making strings of each name cost 6% of a scan.
    private let nameShapes: [NameShape]
    /// Every scoped rule skipped: the mask for an item out of every scope.
    private let noneInScope: [Bool]?

    init(rules: [Rule]) {
        scoped = rules.enumerated().compactMap { index, rule in
            rule.paths.isEmpty ? nil : (index, rule.paths.map(Glob.init))
        }
        ruleCount = rules.count
        depth = scoped.flatMap(\.globs).map(\.components.count).max() ?? 0
        var seen = Set<[CChar]>()
        lastComponents = scoped.flatMap(\.globs).compactMap(\.components.first).filter { seen.insert($0).inserted }.map(Glob.init(component:))
        nameShapes = lastComponents.map { NameShape($0.components[0]) }
        var mask = Array(repeating: false, count: ruleCount)
        for (index, _) in scoped { mask[index] = true }
        noneInScope = scoped.isEmpty ? nil : mask
    }

    /// A mask of the rules to skip (true = skip) for an item known by `paths`, or nil when every
    /// rule applies. An item without a path (standard input) skips every scoped rule.
    func skipped(for paths: [String]) -> [Bool]? {
        guard !scoped.isEmpty else { return nil }
        guard paths.contains(where: mayBeInScope) else { return noneInScope }
        let names = paths.map { Self.trailingComponents($0, count: depth) }
        var mask: [Bool]?
        for (index, globs) in scoped where !names.contains(where: { name in globs.contains { $0.matches(name) } }) {
            if mask == nil { mask = Array(repeating: false, count: ruleCount) }
            mask![index] = true
        }
        return mask
    }

    /// Whether the file name of `path` matches the last component of some scope glob.
    private func mayBeInScope(_ path: String) -> Bool {
        var path = path
        let admitted = path.withUTF8 { bytes in
            let name = UnsafeBufferPointer(rebasing: bytes[((bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1)...])
            // A path ending in "/" names its last component before the slash: the full match decides.
            guard !name.isEmpty, name.allSatisfy({ $0 < 0x80 }) else { return true }
            return nameShapes.contains { $0.admits(asciiName: name) }
        }
        guard admitted else { return false }
        let fileName = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let name = Self.trailingComponents(fileName, count: 1)
        return lastComponents.contains { $0.matches(name) }
    }

    /// The literal start and end a file-name glob's matches must have (ASCII case ignored): the
    /// text before its first and after its last pattern character, or all of it for a glob
    /// without any. A name without them cannot match; one with them is then matched in full.
    /// Names and globs with bytes beyond ASCII are always matched in full: lowercasing them is
    /// Unicode's business (the Kelvin sign lowercases to `k`).
    struct NameShape: Sendable {
        private let prefix: [UInt8]
        private let suffix: [UInt8]
        /// A glob without pattern characters: the name is the prefix.
        private let isLiteral: Bool
        private let isASCII: Bool

        /// `glob`: one lowercased, NUL-terminated component.
        init(_ glob: [CChar]) {
            let bytes = glob.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            isASCII = bytes.allSatisfy { $0 < 0x80 }
            let special: Set<UInt8> = Set("*?[]\\".utf8)
            guard let first = bytes.firstIndex(where: special.contains), let last = bytes.lastIndex(where: special.contains) else {
                prefix = bytes
                suffix = []
                isLiteral = true
                return
            }
            prefix = Array(bytes[..<first])
            suffix = Array(bytes[(last + 1)...])
            isLiteral = false
        }

        func admits(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            name.allSatisfy { $0 < 0x80 } ? admits(asciiName: name) : true
        }

        /// `admits` for a name known to be ASCII (checked once for all the shapes).
        func admits(asciiName name: UnsafeBufferPointer<UInt8>) -> Bool {
            guard isASCII else { return true }
            guard isLiteral ? name.count == prefix.count : name.count >= prefix.count + suffix.count else { return false }
            func same(_ literal: [UInt8], at start: Int) -> Bool {
                for index in literal.indices {
                    let byte = name[start + index]
                    if byte.asciiLowercased != literal[index] { return false }
                }
                return true
            }
            return same(prefix, at: 0) && same(suffix, at: name.count - suffix.count)
        }
    }

    /// The last `count` components of `path`, lowercased and NUL-terminated, last first.
    static func trailingComponents(_ path: String, count: Int) -> [[CChar]] {
        path.lowercased().utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            .suffix(count).reversed().map(cString)
    }

    /// One scope glob: its components, last first, each NUL-terminated for fnmatch(3).
    struct Glob: Sendable {
        let components: [[CChar]]
        /// Whether each component is plain text (compared as bytes) rather than a pattern.
        private let literal: [Bool]

        init(_ glob: String) {
            self.init(components: RulePathScopes.trailingComponents(glob, count: .max))
        }

        /// A one-component glob (a file name pattern), already lowercased and NUL-terminated.
        init(component: [CChar]) {
            self.init(components: [component])
        }

        private init(components: [[CChar]]) {
            self.components = components
            literal = components.map { !$0.contains { "*?[\\".utf8.contains(UInt8(bitPattern: $0)) } }
        }

        /// Whether `path` (trailing components, last first) ends with components matching these.
        func matches(_ path: [[CChar]]) -> Bool {
            guard !components.isEmpty, components.count <= path.count else { return false }
            for (index, pattern) in components.enumerated() {
                let matched = literal[index] ? pattern == path[index] : fnmatch(pattern, path[index], 0) == 0
                if !matched { return false }
            }
            return true
        }
    }
}
