import Foundation

/// Every enabled rule compiled into one Hyperscan block database, plus one JIT-compiled PCRE2
/// regex per rule for confirmation and capture extraction. Immutable and shared by all workers.
public final class CompiledRuleSet: Sendable {
    public let ruleSet: RuleSet
    let database: HyperscanDatabase
    let plans: [RuleMatchPlan]
    let regexes: [PCRE2Regex]
    /// The capture group holding the secret, per rule (0 = whole match).
    let secretGroups: [Int]
    let validators: [SecretValidator?]

    public var rules: [Rule] { ruleSet.rules }

    /// Compiles from scratch, or from a cached database when `cache` holds one for these rules.
    public convenience init(_ ruleSet: RuleSet, cache: CompiledRuleSetCache? = nil) throws {
        if let cache, let cached = cache.load(for: ruleSet) {
            try self.init(ruleSet, database: cached.database, plans: cached.plans)
            return
        }
        let plans = try ruleSet.rules.map(RuleMatchPlan.make)
        let database: HyperscanDatabase
        do {
            database = try HyperscanDatabase.compile(ruleSet.rules.map(\.pattern), flags: plans.map(\.flags))
        } catch let error as HyperscanError {
            let index = Int(error.expression)
            guard ruleSet.rules.indices.contains(index) else { throw error }
            let rule = ruleSet.rules[index]
            throw DiagnosticError(at: rule.patternLocation, "rule '\(rule.id)': pattern rejected by Hyperscan: \(error.message)")
        }
        try self.init(ruleSet, database: database, plans: plans)
        cache?.store(database, plans: plans, for: ruleSet)
    }

    init(_ ruleSet: RuleSet, database: HyperscanDatabase, plans: [RuleMatchPlan]) throws {
        self.ruleSet = ruleSet
        self.database = database
        self.plans = plans
        var regexes: [PCRE2Regex] = []
        var groups: [Int] = []
        for rule in ruleSet.rules {
            let regex: PCRE2Regex
            do {
                regex = try PCRE2Regex(rule.pattern)
            } catch {
                throw DiagnosticError(at: rule.patternLocation, "rule '\(rule.id)': pattern rejected by PCRE2: \(error)")
            }
            regexes.append(regex)
            groups.append(try Self.groupNumber(rule, regex))
        }
        self.regexes = regexes
        self.secretGroups = groups
        self.validators = ruleSet.rules.map { $0.validator.flatMap(SecretValidators.named) }
    }

    private static func groupNumber(_ rule: Rule, _ regex: PCRE2Regex) throws -> Int {
        switch rule.secretGroup {
        case .whole:
            return 0
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
