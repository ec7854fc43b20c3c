import CByteRuns
import KeyWardenSupport
import KeyWardenRules
/// One thread's matching state over a shared `CompiledRuleSet`: its own Hyperscan scratch and
/// PCRE2 match data. Create one per worker; never share one between threads.
public final class Matcher {
    public let compiled: CompiledRuleSet
    /// Nil when the rule set is empty.
    let scratch: HyperscanScratch?
    /// Per-rule PCRE2 match state, made when the rule is first hit.
    private var pcre: [PCRE2Matcher?]
    private let windows: MatchWindows
    private let contextKeywords: [[[UInt8]]]
    /// For rules whose keywords may be anywhere in the item: whether the current buffer has one,
    /// answered once per rule and buffer.
    private var itemKeywordAnswers: [Int: Bool] = [:]
    /// Each rule's keywords as bytes (lowercase, as the rule loaders make them).
    private let keywords: [[[UInt8]]]

    /// Bytes after a window's last Hyperscan end that PCRE2 may read, so `\b` and lookahead at
    /// the end of a match see the real next bytes instead of an artificial subject end.
    static let trailingContext = 256

    public init(_ compiled: CompiledRuleSet) throws {
        self.compiled = compiled
        scratch = compiled.databases.all.isEmpty ? nil : try compiled.takeSpareScratch() ?? HyperscanScratch(for: compiled.databases.all)
        pcre = Array(repeating: nil, count: compiled.rules.count)
        windows = MatchWindows(plans: compiled.plans)
        contextKeywords = compiled.rules.map { $0.contextKeywords.map { Array($0.utf8) } }
        keywords = compiled.rules.map { $0.keywords.map { Array($0.utf8) } }
    }

    /// Every match of every rule in `buffer` that passes the rule's keyword, entropy and
    /// validator checks, sorted by position then rule. Rules marked in `skipping` (by index) are
    /// not confirmed: the caller knows they do not apply to this buffer (a rule scoped to file
    /// names the buffer's origin does not have), and skipping them saves their PCRE2 work.
    ///
    /// Rules the compiled set disables (`CompiledRuleSet.disabling`) are skipped the same way.
    public func matches(in buffer: UnsafeRawBufferPointer, skipping: [Bool]? = nil) throws -> [SecretMatch] {
        windows.reset()
        itemKeywordAnswers.removeAll(keepingCapacity: true)
        let disabled = compiled.disabled
        func skipped(_ rule: Int) -> Bool { (skipping?[rule] ?? false) || (disabled?[rule] ?? false) }
        if let scratch {
            try compiled.databases.general?.scan(buffer, scratch: scratch, into: windows.sink)
            // Rules scoped to other file names are not looked for at all.
            if let scoped = compiled.databases.scoped, compiled.scopedRules.contains(where: { !skipped($0) }) {
                try scoped.scan(buffer, scratch: scratch, into: windows.sink)
            }
        }
        var found: [SecretMatch] = []
        for rule in windows.rulesHit where !skipped(rule) {
            for window in windows.windows(of: rule) where contextMayBeNear(rule: rule, window: window, in: buffer) {
                confirm(rule: rule, window: window, in: buffer, into: &found)
            }
        }
        for (rule, finder) in compiled.candidateRules where !skipped(rule) {
            for region in finder.regions(in: buffer) {
                confirm(rule: rule, window: region, in: buffer, into: &found)
            }
        }
        return found.sorted { ($0.match.lowerBound, $0.ruleIndex, $0.match.upperBound) < ($1.match.lowerBound, $1.ruleIndex, $1.match.upperBound) }
    }

    public func matches(in bytes: [UInt8], skipping: [Bool]? = nil) throws -> [SecretMatch] {
        try bytes.withUnsafeBytes { try matches(in: $0, skipping: skipping) }
    }

    private func confirm(rule: Int, window: Range<Int>, in buffer: UnsafeRawBufferPointer, into found: inout [SecretMatch]) {
        let plan = compiled.plans[rule]
        let end = min(buffer.count, window.upperBound + Self.trailingContext)
        let group = plan.secretGroup
        guard let matcher = pcreMatcher(rule) else { return }
        var seen = Set<Range<Int>>()
        // PCRE2 reads up to `trailingContext` past the window's last Hyperscan end, but a match
        // starts at most there: one starting later does not end at a reported end (every match
        // of a pattern ends at one, prefiltered patterns' too, and windows lie further apart than
        // the trailing context), so it could only be an artefact of the cut subject (`$` where
        // the text goes on). Trying those starts was over half the PCRE2 work of the catch-all
        // assignment rules, whose unanchored name prefix is tried at every offset.
        matcher.forEachMatch(in: buffer, from: window.lowerBound, to: end, latestStart: window.upperBound - 1) { groups in
            let match = groups[0]..<groups[1]
            // Matches past the last Hyperscan end belong to the trailing context, not this window;
            // prefiltered patterns are approximate, so there PCRE2 alone decides.
            guard plan.isPrefilter || match.upperBound <= window.upperBound, !match.isEmpty, seen.insert(match).inserted else { return }
            let secret: Range<Int>
            if group == RuleMatchPlan.firstMatchedGroup {
                // The first group that matched something, else the whole match (gitleaks' rule).
                secret = stride(from: 2, to: groups.count - 1, by: 2).first { groups[$0] >= 0 && groups[$0 + 1] > groups[$0] }
                    .map { groups[$0]..<groups[$0 + 1] } ?? match
            } else if group > 0, 2 * group + 1 < groups.count, groups[2 * group] >= 0 {
                secret = groups[2 * group]..<groups[2 * group + 1]
            } else if group > 0 {
                return // the secret group did not take part in this match
            } else {
                secret = match
            }
            guard !secret.isEmpty, let accepted = accept(rule: rule, match: match, secret: secret, in: buffer) else { return }
            found.append(accepted)
        }
    }

    private func pcreMatcher(_ rule: Int) -> PCRE2Matcher? {
        if let existing = pcre[rule] { return existing }
        guard let regex = compiled.regex(at: rule) else { return nil }
        let made = PCRE2Matcher(regex)
        pcre[rule] = made
        return made
    }

    private func itemHasKeyword(rule index: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        if let known = itemKeywordAnswers[index] { return known }
        let found = keywords[index].contains { keyword in Self.containsCaseless(keyword, in: buffer, from: 0, to: buffer.count) }
        itemKeywordAnswers[index] = found
        return found
    }

    /// Whether `keyword` (lowercase) occurs in buffer[lower ..< upper] with ASCII letters in
    /// either case, searched where it lies rather than in a lowercased copy.
    private static func containsCaseless(_ keyword: [UInt8], in buffer: UnsafeRawBufferPointer, from lower: Int, to upper: Int) -> Bool {
        guard lower < upper, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        return kw_contains_caseless(base + lower, upper - lower, keyword, keyword.count) != 0
    }

    /// False when none of the rule's context keywords occurs, in any case, anywhere `accept` could
    /// look for one around a match in `window`: then no match there can pass, and PCRE2 need not
    /// run. Rules with context keywords are often unbounded (a password of any length), so each
    /// hit is a 16 KiB window; on moby's history two such rules made 146 MB of confirmation for
    /// no finding. The bounds are those of `ContextKeywords.distance` around any match PCRE2 can
    /// find in the window (which ends at most `trailingContext` after it).
    private func contextMayBeNear(rule: Int, window: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Bool {
        let nearby = contextKeywords[rule]
        guard !nearby.isEmpty else { return true }
        let lower = max(0, window.lowerBound - ContextKeywords.maximumLookback)
        let upper = min(buffer.count, window.upperBound + Self.trailingContext + ContextKeywords.maximumLookahead)
        return nearby.contains { keyword in Self.containsCaseless(keyword, in: buffer, from: lower, to: upper) }
    }

    private func accept(rule index: Int, match: Range<Int>, secret: Range<Int>, in buffer: UnsafeRawBufferPointer) -> SecretMatch? {
        let rule = compiled.rules[index]
        let secretBytes = UnsafeRawBufferPointer(rebasing: buffer[secret])
        if !rule.keywords.isEmpty, rule.keywordScope == .item {
            guard itemHasKeyword(rule: index, in: buffer) else { return nil }
        } else if !rule.keywords.isEmpty {
            // In the match's bytes, ASCII letters in either case (the keywords are lowercase):
            // lowercasing a String and Foundation's `contains` were a tenth of a scan where
            // findings are dense.
            guard keywords[index].contains(where: { Self.containsCaseless($0, in: buffer, from: match.lowerBound, to: match.upperBound) })
            else { return nil }
        }
        var contextDistance: Int?
        if !contextKeywords[index].isEmpty {
            contextDistance = ContextKeywords.distance(of: contextKeywords[index], before: match, lines: Rule.contextLines, in: buffer)
            if contextDistance == nil { return nil }
        }
        if PlaceholderFilter.isPlaceholder(String(decoding: secretBytes, as: UTF8.self)) { return nil }
        let entropy = ShannonEntropy.of(secretBytes)
        if let floor = rule.minEntropy, entropy < floor { return nil }
        if let validator = compiled.validators[index], !validator.isValid(Array(secretBytes)) { return nil }
        return SecretMatch(ruleIndex: index, match: match, secret: secret, entropy: entropy, contextDistance: contextDistance)
    }
}

/// Collects Hyperscan hits as merged byte windows per rule, while Hyperscan scans.
///
/// Merging in the callback keeps memory bounded by the number of separate windows rather than
/// the number of hits: a pattern like `[A-Za-z0-9]{20,}` reports every end offset along a long
/// token, millions of hits on a 5 MB minified line.
final class MatchWindows {
    private let plans: [RuleMatchPlan]
    private var perRule: [[Range<Int>]]
    private(set) var rulesHit: [Int] = []
    /// Hits closer than this to the previous window of the same rule extend it.
    private static let mergeDistance = 256

    private(set) lazy var sink = HitSink { [unowned self] id, from, to in self.record(Int(id), Int(from), Int(to)) }

    init(plans: [RuleMatchPlan]) {
        self.plans = plans
        perRule = Array(repeating: [], count: plans.count)
    }

    var hasAny: Bool { !rulesHit.isEmpty }

    func windows(of rule: Int) -> [Range<Int>] { perRule[rule] }

    func reset() {
        for rule in rulesHit { perRule[rule].removeAll(keepingCapacity: true) }
        rulesHit.removeAll(keepingCapacity: true)
    }

    private func record(_ rule: Int, _ from: Int, _ to: Int) {
        let plan = plans[rule]
        let start = max(0, to - plan.lookback)
        if let last = perRule[rule].last {
            if start <= last.upperBound + Self.mergeDistance {
                perRule[rule][perRule[rule].count - 1] = min(last.lowerBound, start)..<max(last.upperBound, to)
                return
            }
        } else {
            rulesHit.append(rule)
        }
        perRule[rule].append(start..<to)
    }
}
