import KeyWardenRules
import KeyWardenSupport
/// How one rule is matched: the Hyperscan flags it compiled with and how far back from a
/// Hyperscan end offset PCRE2 must look to find the start of the match.
struct RuleMatchPlan: Sendable, Hashable, Codable {
    let flags: HyperscanFlags
    /// Bytes before a hit's end where confirmation starts, when Hyperscan does not report the start.
    let lookback: Int
    /// The capture group holding the secret (0 = whole match, `firstMatchedGroup` = the first
    /// group that matched something), resolved against the PCRE2 pattern.
    var secretGroup = 0
    static let firstMatchedGroup = -1

    /// A lookback from the pattern's maximum width; patterns Hyperscan cannot compile exactly
    /// (lookaround, backreferences) are prefiltered and PCRE2 decides.
    ///
    /// Start-of-match tracking (`HS_FLAG_SOM_LEFTMOST`) is never used: vectorscan 5.4 aborts the
    /// process ("buffer overflow detected") scanning a few hundred bytes with SOM patterns as
    /// plain as `a+b` or `(a+)+b`, and which patterns trip it cannot be told in advance. A rule
    /// must never abort a scan; the lookback costs some PCRE2 work on unbounded patterns only.
    static func make(for rule: Rule) throws -> RuleMatchPlan {
        let base: HyperscanFlags = .multiline
        if HyperscanDatabase.rejection(of: rule.pattern, flags: base) == nil {
            return RuleMatchPlan(flags: base, lookback: lookback(rule.pattern, base))
        }
        let prefilter = base.union(.prefilter)
        if let message = HyperscanDatabase.rejection(of: rule.pattern, flags: prefilter) {
            throw DiagnosticError(at: rule.patternLocation, "rule '\(rule.id)': pattern rejected by Hyperscan: \(message)")
        }
        // The prefilter's width is an approximation, often unbounded; the pattern's own width
        // is that of the pattern without its lookarounds, when Hyperscan can compile that.
        let exactWidth = ZeroWidthAssertions.removed(from: rule.pattern).flatMap { HyperscanDatabase.maximumWidth(of: $0, flags: base) }
        return RuleMatchPlan(flags: prefilter, lookback: exactWidth.map { min($0, unboundedLookback) } ?? lookback(rule.pattern, prefilter))
    }

    /// Unbounded patterns (a PEM body) look back this far: a 4096-bit RSA key is about 3.3 KB.
    static let unboundedLookback = 16 * 1024

    private static func lookback(_ pattern: String, _ flags: HyperscanFlags) -> Int {
        min(HyperscanDatabase.maximumWidth(of: pattern, flags: flags) ?? unboundedLookback, unboundedLookback)
    }

    var isPrefilter: Bool { flags.contains(.prefilter) }
}
