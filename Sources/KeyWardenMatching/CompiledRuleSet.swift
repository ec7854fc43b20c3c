import Foundation
import KeyWardenRules
import KeyWardenSupport
import Synchronization

/// Every enabled rule compiled into Hyperscan block databases (see `RuleDatabases`), plus one
/// JIT-compiled PCRE2 regex per rule for confirmation and capture extraction. Immutable and
/// shared by all workers.
public final class CompiledRuleSet: Sendable {
    public let ruleSet: RuleSet
    let databases: RuleDatabases
    /// The rules only `databases.scoped` holds.
    let scopedRules: [Int]
    /// The rules matched from candidate regions, with their finders (in no database).
    let candidateRules: [(rule: Int, finder: CandidateFinder)]
    let plans: [RuleMatchPlan]
    let validators: [SecretValidator?]
    private let regexes: RegexTable
    /// A Hyperscan scratch made ahead of the first `Matcher` (`prepareScratch`), which takes it.
    private let spareScratch = Mutex<HandedOverScratch?>(nil)

    public var rules: [Rule] { ruleSet.rules }

    /// The rules a scan must not confirm (`disabling`), by index; nil when every rule runs.
    let disabled: [Bool]?

    /// These rules with the ones named in `ids` switched off: the same databases and regexes,
    /// so a configuration that only disables rules (`disableRules:`) costs no compile and no
    /// cache entry of its own (a new rule set would, half a minute on a fresh CI runner). The
    /// disabled rules are not confirmed, so they find nothing, as if they were not there.
    public func disabling(_ ids: [String]) -> CompiledRuleSet {
        guard !ids.isEmpty else { return self }
        let off = Set(ids)
        return CompiledRuleSet(sharing: self, disabled: rules.map { off.contains($0.id) })
    }

    private init(sharing other: CompiledRuleSet, disabled: [Bool]) {
        ruleSet = other.ruleSet
        databases = other.databases
        scopedRules = other.scopedRules
        candidateRules = other.candidateRules
        plans = other.plans
        validators = other.validators
        regexes = other.regexes
        self.disabled = disabled
    }

    /// Allocates the first worker's Hyperscan scratch now: ~1 ms for the catalogue, which a
    /// pre-commit scan spends on the thread that loaded the rules, while git works, instead of
    /// on the way to its result.
    public func prepareScratch() {
        guard !databases.all.isEmpty, let scratch = try? HyperscanScratch(for: databases.all) else { return }
        spareScratch.withLock { $0 = HandedOverScratch(scratch: scratch) }
    }

    /// The prepared scratch, once.
    func takeSpareScratch() -> HyperscanScratch? { spareScratch.withLock { $0.take()?.scratch } }

    /// A scratch passed from the thread that made it to the one matcher that takes it: one
    /// thread at a time ever uses it, as Hyperscan requires.
    private struct HandedOverScratch: @unchecked Sendable {
        let scratch: HyperscanScratch
    }

    /// Compiles from scratch, or from a cached database when `cache` holds one for these rules.
    ///
    /// A fresh compile builds every PCRE2 regex at once, so a pattern PCRE2 rejects is an error
    /// now, with its location. A cached database exists only for rule content that compiled
    /// fully before, so there regexes are built when Hyperscan first hits their rule: a
    /// pre-commit scan of one file pays for the handful of rules that fire, not for all of them.
    public convenience init(_ ruleSet: RuleSet, cache: CompiledRuleSetCache? = nil) throws {
        if let cache, let cached = cache.load(for: ruleSet) {
            self.init(ruleSet, databases: cached.databases, plans: cached.plans)
            return
        }
        guard let cache else {
            try self.init(compiling: ruleSet, storingIn: nil)
            return
        }
        // Several keywarden processes may miss at once (pre-commit runs hooks in parallel, CI
        // jobs share a runner's cache): one compiles while the others wait for its entry, instead
        // of each spending the same half-minute of CPU on the first run after an upgrade.
        let lock = cache.compileLock(for: ruleSet)
        defer { lock?.release() }
        if lock != nil, let cached = cache.load(for: ruleSet) {
            self.init(ruleSet, databases: cached.databases, plans: cached.plans)
            return
        }
        try self.init(compiling: ruleSet, storingIn: cache)
    }

    private convenience init(compiling ruleSet: RuleSet, storingIn cache: CompiledRuleSetCache?) throws {
        var plans = try ruleSet.rules.map(RuleMatchPlan.make)
        guard !ruleSet.rules.isEmpty else {
            self.init(ruleSet, databases: RuleDatabases(general: nil, scoped: nil), plans: [])
            return
        }
        let databases: RuleDatabases
        do {
            databases = try RuleDatabases.compile(ruleSet.rules, plans: plans)
        } catch let error as HyperscanError {
            let index = Int(error.expression)
            guard ruleSet.rules.indices.contains(index) else { throw error }
            let rule = ruleSet.rules[index]
            throw DiagnosticError(at: rule.patternLocation, "rule '\(rule.id)': pattern rejected by Hyperscan: \(error.message)")
        }
        let regexes = try ruleSet.rules.map(Self.regex)
        for index in plans.indices { plans[index].secretGroup = try Self.groupNumber(ruleSet.rules[index], regexes[index]) }
        self.init(ruleSet, databases: databases, plans: plans)
        for (index, regex) in regexes.enumerated() { self.regexes.store(regex, at: index) }
        cache?.store(databases, plans: plans, for: ruleSet)
    }

    /// The rule set from `cache`, or nil when the cache has no entry for it.
    public convenience init?(cached ruleSet: RuleSet, cache: CompiledRuleSetCache) {
        guard !ruleSet.rules.isEmpty, let cached = cache.load(for: ruleSet) else { return nil }
        self.init(ruleSet, databases: cached.databases, plans: cached.plans)
    }

    /// Regexes start empty: the fresh-compile path stores the ones it built, a cached rule set
    /// builds them on first hit.
    init(_ ruleSet: RuleSet, databases: RuleDatabases, plans: [RuleMatchPlan]) {
        self.ruleSet = ruleSet
        self.databases = databases
        self.scopedRules = RuleDatabases.scopedIndices(ruleSet.rules)
        self.candidateRules = RuleDatabases.candidateIndices(ruleSet.rules).compactMap { index in
            ruleSet.rules[index].candidates.flatMap(CandidateFinder.init(rawValue:)).map { (index, $0) }
        }
        self.plans = plans
        self.regexes = RegexTable(count: ruleSet.rules.count)
        self.validators = ruleSet.rules.map { $0.validator.flatMap(SecretValidators.named) }
        self.disabled = nil
    }

    /// The confirming regex of rule `index`, compiled on first use. A cached rule set compiled
    /// these before, so failing now means the PCRE2 library changed under the cache (its version
    /// is part of the cache key); the rule then confirms nothing rather than crash the scan.
    ///
    /// The secret group of a cached plan is checked against the pattern here, where the pattern's
    /// groups are first known: a plan pointing at another group confirms nothing.
    func regex(at index: Int) -> PCRE2Regex? {
        regexes.value(at: index) {
            let rule = ruleSet.rules[index]
            guard let regex = try? Self.regex(rule),
                  (try? Self.groupNumber(rule, regex)) == plans[index].secretGroup else { return nil }
            return regex
        }
    }

    private static func regex(_ rule: Rule) throws -> PCRE2Regex {
        do {
            return try PCRE2Regex(rule.pattern)
        } catch {
            throw DiagnosticError(at: rule.patternLocation, "rule '\(rule.id)': pattern rejected by PCRE2: \(error)")
        }
    }

    private static func groupNumber(_ rule: Rule, _ regex: PCRE2Regex) throws -> Int {
        switch rule.secretGroup {
        case .whole:
            return 0
        case .firstMatched:
            return RuleMatchPlan.firstMatchedGroup
        case let .number(number):
            guard number <= regex.captureCount else {
                throw DiagnosticError(at: rule.location,
                                      "rule '\(rule.id)': secretGroup \(number) but the pattern has \(regex.captureCount) groups")
            }
            return number
        case let .name(name):
            guard let number = regex.groupNumber(named: name) else {
                throw DiagnosticError(at: rule.location, "rule '\(rule.id)': secretGroup '\(name)' is not a named group of the pattern")
            }
            return number
        }
    }
}

/// Lazily filled, thread-safe slots of compiled regexes.
private final class RegexTable: Sendable {
    private let slots: Mutex<[PCRE2Regex?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func store(_ regex: PCRE2Regex, at index: Int) { slots.withLock { $0[index] = regex } }

    func value(at index: Int, orMake make: () -> PCRE2Regex?) -> PCRE2Regex? {
        slots.withLock { slots in
            if let existing = slots[index] { return existing }
            let made = make()
            slots[index] = made
            return made
        }
    }
}
