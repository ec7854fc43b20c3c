import Crypto
import Foundation
import KeyWardenSupport

/// The rules a scan runs, in a fixed order, with a digest of their content.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    /// SHA-256 over everything that affects matching, hex. Identifies the rules in reports and
    /// caches; computed once, as the cache key and the report both need it.
    public let contentHash: String

    public init(_ rules: [Rule]) {
        self.rules = rules.sorted { $0.id < $1.id }
        contentHash = Self.contentHash(of: self.rules)
    }

    /// A rule set as `RuleBinaryFormat` stored it: rules already in order, digest already made
    /// (recomputing it costs a pre-commit scan milliseconds). Nil when the rules are out of order.
    package init?(sorted rules: [Rule], contentHash: String) {
        guard zip(rules, rules.dropFirst()).allSatisfy({ $0.id < $1.id }) else { return nil }
        self.rules = rules
        self.contentHash = contentHash
    }

    /// Rules without the disabled ids; unknown ids are errors so typos do not silently keep a rule on.
    public func disabling(_ ids: [String], at location: SourceLocation? = nil) throws -> RuleSet {
        guard !ids.isEmpty else { return self }
        let known = Set(rules.map(\.id))
        for id in ids where !known.contains(id) {
            let place = location ?? SourceLocation(file: "<config>", line: 1, column: 1)
            throw DiagnosticError(at: place, "cannot disable unknown rule '\(id)'\(Suggestion.didYouMean(id, among: known))")
        }
        return RuleSet(rules.filter { !ids.contains($0.id) })
    }

    private static func contentHash(of rules: [Rule]) -> String {
        var hasher = SHA256()
        for rule in rules {
            for var field in [rule.id, rule.pattern, rule.secretGroup.description, rule.keywords.joined(separator: ","),
                              rule.minEntropy.map { String($0) } ?? "-", rule.validator ?? "-",
                              rule.contextKeywords.joined(separator: ","), rule.paths.joined(separator: ","), rule.candidates ?? "-"] {
                field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
                withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
            }
        }
        return hasher.finalize().hexString
    }
}
