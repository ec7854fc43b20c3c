import KeyWardenRules

/// The rule set's Hyperscan databases: one for the rules that apply to every item, one for the
/// rules scoped to file names (`paths:`), which is scanned only for items known by a matching
/// path. A scoped rule is a file format's layout (`.my.cnf`, a SQL dump's rows); some have no
/// literal to anchor on (a quoted hex digest), and in the shared database such a pattern halves
/// the throughput on every file, while it matters only in its own.
/// Pattern ids are rule indices in both, so hits from either land on the same rule. Rules matched
/// from candidate regions (`Rule.candidates`) are in neither.
struct RuleDatabases: Sendable {
    /// Nil when every rule is scoped (or there are no rules).
    let general: HyperscanDatabase?
    /// Nil when no rule is scoped.
    let scoped: HyperscanDatabase?

    /// The indices of the rules with `paths:`.
    static func scopedIndices(_ rules: [Rule]) -> [Int] {
        rules.indices.filter { !rules[$0].paths.isEmpty && rules[$0].candidates == nil }
    }

    /// The indices of the rules matched from candidate regions instead of Hyperscan hits.
    static func candidateIndices(_ rules: [Rule]) -> [Int] { rules.indices.filter { rules[$0].candidates != nil } }

    /// Compiles `rules` (with their plans' flags) into the two databases.
    static func compile(_ rules: [Rule], plans: [RuleMatchPlan]) throws -> RuleDatabases {
        let scoped = Set(scopedIndices(rules))
        let apart = Set(candidateIndices(rules))
        func database(_ indices: [Int]) throws -> HyperscanDatabase? {
            guard !indices.isEmpty else { return nil }
            return try HyperscanDatabase.compile(indices.map { rules[$0].pattern }, flags: indices.map { plans[$0].flags },
                                                 ids: indices.map { UInt32($0) })
        }
        return RuleDatabases(general: try database(rules.indices.filter { !scoped.contains($0) && !apart.contains($0) }),
                             scoped: try database(rules.indices.filter { scoped.contains($0) }))
    }

    var all: [HyperscanDatabase] { [general, scoped].compactMap { $0 } }
}
