import Foundation
import KeyWardenInputs
import KeyWardenMatching
import KeyWardenRules
import KeyWardenSupport

/// The scan pipeline after the engine: turns rule matches in a buffer into located findings,
/// dropping those the content or the configuration allows.
public final class SecretScanner: Sendable {
    public let compiled: CompiledRuleSet
    private let allowlist: SecretAllowlist
    private let preference: MatchPreference
    private let grouper: CredentialSetGrouper
    private let scopes: RulePathScopes
    public let workers: Int
    /// When suppressions expire.
    private let now: Date
    /// Markers without reason, owner and expiry do not suppress.
    private let requireSuppressionMetadata: Bool
    /// Findings carry their match and lines: a gitleaks config's allowlists may test them, and
    /// `.gitleaksignore` fingerprints count the line a match starts on.
    private let keepsMatchContext: Bool

    public init(compiled: CompiledRuleSet, configuration: ScanConfiguration = ScanConfiguration(),
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, tables: RuleTables? = nil) throws {
        self.compiled = compiled
        self.allowlist = try SecretAllowlist(configuration)
        let tables = tables.flatMap { $0.contentHash == compiled.ruleSet.contentHash ? $0 : nil } ?? RuleTables(compiled.ruleSet)
        (preference, grouper, scopes) = (tables.preference, tables.grouper, tables.scopes)
        self.workers = workers
        self.now = configuration.now ?? Date()
        self.requireSuppressionMetadata = configuration.requireSuppressionMetadata
        self.keepsMatchContext = configuration.gitleaks != nil || configuration.gitleaksIgnore != nil
    }

    /// What a scanner derives from its rules alone: which rule wins where matches overlap, which
    /// rules make credential sets, which are scoped to file names. A pre-commit scan makes them
    /// for the built-in rules on the thread that loads those, while git works, instead of after
    /// (~0.5 ms of its way to the report); a scanner given tables of other rules makes its own.
    public struct RuleTables: Sendable {
        let contentHash: String
        let preference: MatchPreference
        let grouper: CredentialSetGrouper
        let scopes: RulePathScopes

        public init(_ ruleSet: RuleSet) {
            contentHash = ruleSet.contentHash
            preference = MatchPreference(rules: ruleSet.rules)
            grouper = CredentialSetGrouper(rules: ruleSet.rules)
            scopes = RulePathScopes(rules: ruleSet.rules)
        }
    }

    /// One worker thread's state.
    public final class Worker {
        let matcher: Matcher
        let allow: SecretAllowlist.Checker

        init(_ scanner: SecretScanner) throws {
            matcher = try Matcher(scanner.compiled)
            allow = scanner.allowlist.checker()
        }
    }

    public func makeWorker() throws -> Worker { try Worker(self) }

    /// Findings in one buffer, in report order: plain matches, matches in decoded base64 or
    /// percent-encoded text, and credential sets grouped into one finding each. Where the buffer
    /// came from is the pipeline's business: the findings have no path until a source places them.
    /// `paths` are the names the buffer is known by; rules scoped to file names (`paths:` in a
    /// pack) run only when one of them matches, so none run on a buffer without a name.
    public func findings(in buffer: UnsafeRawBufferPointer, worker: Worker, paths: [String] = []) throws -> [Finding] {
        let candidates = try locate(in: buffer, worker: worker, skipping: scopes.skipped(for: paths))
        guard !candidates.isEmpty else { return [] }
        let lines = LineIndex(buffer)
        let allowed = allow(candidates, in: buffer, lines: lines, worker: worker)
        return grouper.group(deduplicate(allowed.map { candidate in
            var found = finding(candidate, in: buffer, lines: lines)
            found.confidence = FindingConfidence.of(rule: compiled.rules[candidate.rule], secret: candidate.secret,
                                                    decodedFrom: candidate.decodedFrom, paths: paths)
            found.lapsedSuppression = candidate.lapsedSuppression
            return found
        })).map(FindingConfidence.raisedForCredentialSet)
    }

    /// A secret a rule found, before it is placed on a line.
    struct Candidate {
        let rule: Int
        let secret: String
        /// Where it is in the buffer: the secret itself, or the encoded text it was decoded from.
        let range: Range<Int>
        /// The rule's whole match (the encoded text, for a decoded secret).
        let match: Range<Int>
        let entropy: Double
        let decodedFrom: String?
        /// A marker that would allow it, past its `until`.
        var lapsedSuppression: SuppressionLapse? = nil
    }

    /// Stage 1: every rule match, plain and in decoded text, each value once by its most precise rule.
    func locate(in buffer: UnsafeRawBufferPointer, worker: Worker, skipping: [Bool]?) throws -> [Candidate] {
        // Out-of-scope rules are dropped before preference, so a file rule that does not apply
        // here cannot outrank the general rule that does.
        let matches = preference.preferred(try worker.matcher.matches(in: buffer, skipping: skipping))
        let decoded = try EncodedSecretScanner(matcher: worker.matcher, preference: preference, skipping: skipping).matches(in: buffer)
        let decodedRanges = decoded.map(\.encodedRange)
        let plain = matches.compactMap { match -> Candidate? in
            // A catch-all match on encoded text gives way to what its decoded form revealed.
            if compiled.rules[match.ruleIndex].catchAll, decodedRanges.contains(where: { $0.overlaps(match.secret) }) { return nil }
            return Candidate(rule: match.ruleIndex, secret: String(decoding: UnsafeRawBufferPointer(rebasing: buffer[match.secret]), as: UTF8.self),
                             range: match.secret, match: match.match, entropy: match.entropy, decodedFrom: nil)
        }
        // A decoded match on bytes a plain finding already covers is that finding again (the same
        // rule, or a catch-all seeing a specific token's value), unless it is a more precise rule.
        let kept = decoded.filter { decodedMatch in
            !matches.contains { match in
                match.secret.overlaps(decodedMatch.encodedRange) && preference.plainSupersedes(match.ruleIndex, decoded: decodedMatch.ruleIndex)
            }
        }
        return plain + kept.map {
            Candidate(rule: $0.ruleIndex, secret: String(decoding: $0.secret, as: UTF8.self), range: $0.encodedRange, match: $0.encodedRange,
                      entropy: $0.entropy, decodedFrom: $0.encoding)
        }
    }

    /// Stage 2: drops what an inline marker or the configuration allows, and decoded values that
    /// were found as written (percent runs mostly decode to themselves).
    func allow(_ candidates: [Candidate], in buffer: UnsafeRawBufferPointer, lines: LineIndex, worker: Worker) -> [Candidate] {
        let markers = InlineAllowMarkers(buffer: buffer, lines: lines)
        let kept = candidates.compactMap { candidate -> Candidate? in
            guard !worker.allow.allows(candidate.secret) else { return nil }
            if let entry = worker.allow.lapsedEntry(for: candidate.secret) {
                var back = candidate
                back.lapsedSuppression = SuppressionLapse(entry, .expired)
                return back
            }
            let start = lines.position(of: candidate.range.lowerBound, in: buffer)
            let end = lines.position(of: max(candidate.range.lowerBound, candidate.range.upperBound - 1), in: buffer)
            guard let marker = markers.marker(secretStart: start.line - 1, secretEnd: end.line - 1) else { return candidate }
            guard let lapse = marker.lapse(now: now, requireMetadata: requireSuppressionMetadata) else { return nil }
            var back = candidate
            back.lapsedSuppression = SuppressionLapse(marker, lapse)
            return back
        }
        let plain = Set(kept.filter { $0.decodedFrom == nil }.map { "\($0.rule)\u{0}\($0.secret)" })
        return kept.filter { $0.decodedFrom == nil || !plain.contains("\($0.rule)\u{0}\($0.secret)") }
    }

    /// A candidate on its line and column.
    func finding(_ candidate: Candidate, in buffer: UnsafeRawBufferPointer, lines: LineIndex) -> Finding {
        let rule = compiled.rules[candidate.rule]
        let start = lines.position(of: candidate.range.lowerBound, in: buffer)
        let end = lines.position(of: max(candidate.range.lowerBound, candidate.range.upperBound - 1), in: buffer)
        var found = Finding(rule: rule.id, description: rule.description, severity: rule.severity,
                            line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                            secret: candidate.secret, entropy: (candidate.entropy * 1000).rounded() / 1000, decodedFrom: candidate.decodedFrom)
        if keepsMatchContext {
            let first = lines.lineRange(lines.lineNumber(at: candidate.match.lowerBound), in: buffer)
            let last = lines.lineRange(lines.lineNumber(at: max(candidate.match.lowerBound, candidate.match.upperBound - 1)), in: buffer)
            let text = { (range: Range<Int>) in String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            found.matchContext = MatchContext(match: text(candidate.match), lines: text(first.lowerBound..<max(first.lowerBound, last.upperBound)),
                                              line: lines.lineNumber(at: candidate.match.lowerBound) + 1)
        }
        return found
    }

    /// Stage 3: the same secret reached by two overlapping windows (or decoded twice) is one finding.
    func deduplicate(_ findings: [Finding]) -> [Finding] {
        var seen = Set<String>()
        return findings.filter { seen.insert("\($0.fingerprint):\($0.line):\($0.column)").inserted }
    }

    /// Whether an item known by `paths` gives the same findings as when known by `others`: the
    /// rules scoped to file names and the confidence of a value in a test file are all that read
    /// an item's paths.
    func readsAlike(_ paths: [String], _ others: [String]) -> Bool {
        scopes.skipped(for: paths) == scopes.skipped(for: others)
            && FindingConfidence.isTestOrExampleItem(paths) == FindingConfidence.isTestOrExampleItem(others)
    }

    public func findings(in bytes: [UInt8], worker: Worker, paths: [String] = []) throws -> [Finding] {
        try bytes.withUnsafeBytes { try findings(in: $0, worker: worker, paths: paths) }
    }
}
