import KeyWardenMatching
import KeyWardenRules
import KeyWardenSupport

/// What a gitleaks config and `.gitleaksignore` say not to report, applied to placed findings
/// (they have their path and, from history, their commit) before the baseline:
/// - a mapped rule's `path` regex: its findings elsewhere are dropped;
/// - the global allowlists (all rules, built-in ones too, or their `targetRules`) and each mapped
///   rule's own allowlists, with gitleaks' semantics (regexes on the secret, the match or the
///   line; paths; stopwords; commits; any check given, or every one with `condition = "AND"`);
/// - gitleaks' dedupe: a finding of the config's `generic` rule on a line where one of its
///   specific rules found a secret containing the same secret is dropped;
/// - `.gitleaksignore` fingerprints: `file:rule-id:line`, and `commit:file:rule-id:line` for
///   findings from history; the line is the secret's or, as gitleaks counts, the match's first. A fingerprint naming a mapped rule hides that rule's finding; one
///   naming a rule keywarden does not have (gitleaks' default rules) hides the built-in finding
///   at that file and line, whichever built-in rule found it.
///
/// Paths are tested as reported and relative to their scan root, so `^src/` written for a scan
/// of `.` holds for a scan of `/work/app` too. Single-threaded: PCRE2 match data is per caller.
public final class GitleaksFindingFilter {
    private final class Allowlist {
        let list: GitleaksAllowlist
        let regexes: [PCRE2Matcher]
        let paths: [PCRE2Matcher]

        init(_ list: GitleaksAllowlist) throws {
            self.list = list
            regexes = try list.regexes.map { try PCRE2Matcher(GitleaksFindingFilter.regex($0)) }
            paths = try list.paths.map { try PCRE2Matcher(GitleaksFindingFilter.regex($0)) }
        }
    }

    private let global: [Allowlist]
    private let byRule: [String: (path: PCRE2Matcher?, allowlists: [Allowlist])]
    private let ignore: [GitleaksIgnore.Entry]
    /// gitleaks rule id -> mapped id, and back.
    private let mappedIDs: [String: String]
    private let gitleaksIDs: [String: String]
    private let keywardenIDs: Set<String>
    private let roots: [String]

    /// `ruleIDs`: the ids of every rule the scan runs. Regexes PCRE2 rejects are located errors.
    public init(config: GitleaksConfig?, ignore: GitleaksIgnore?, roots: [String], ruleIDs: Set<String>) throws {
        global = try config?.allowlists.map(Allowlist.init) ?? []
        var byRule: [String: (path: PCRE2Matcher?, allowlists: [Allowlist])] = [:]
        var mappedIDs: [String: String] = [:]
        for rule in config?.rules ?? [] {
            byRule[rule.rule.id] = (try rule.path.map { try PCRE2Matcher(Self.regex($0)) }, try rule.allowlists.map(Allowlist.init))
            mappedIDs[rule.gitleaksID] = rule.rule.id
        }
        self.byRule = byRule
        self.mappedIDs = mappedIDs
        self.gitleaksIDs = Dictionary(mappedIDs.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        self.ignore = ignore?.entries ?? []
        self.keywardenIDs = ruleIDs
        self.roots = roots.map { root in
            var trimmed = root
            while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
            return trimmed
        }
    }

    /// Whether there is anything to apply.
    public var isEmpty: Bool { global.isEmpty && byRule.isEmpty && ignore.isEmpty }

    /// The findings not filtered out, in their order, and how many were.
    public func apply(_ findings: [Finding]) -> (kept: [Finding], hidden: Int) {
        guard !isEmpty else { return (findings, 0) }
        // gitleaks' order: allowlists, then its generic-rule dedupe, then .gitleaksignore.
        let allowed = findings.filter { !allowlisted($0) }
        let kept = withoutGenericDuplicates(allowed).filter { !ignored($0) }
        return (kept, findings.count - kept.count)
    }

    func allowlisted(_ finding: Finding) -> Bool {
        let paths = names(of: finding.path)
        if let rule = byRule[finding.rule] {
            if let path = rule.path, !paths.contains(where: { Self.matches(path, $0) }) { return true }
            if rule.allowlists.contains(where: { allows($0, finding, paths) }) { return true }
        }
        let ruleGitleaksID = gitleaksIDs[finding.rule]
        for list in global where list.list.targetRules.map({ $0.contains(finding.rule) || ruleGitleaksID.map($0.contains) == true }) ?? true {
            if allows(list, finding, paths) { return true }
        }
        return false
    }

    func ignored(_ finding: Finding) -> Bool {
        let paths = names(of: finding.path)
        return ignore.contains { entry in
            (entry.line == finding.line || entry.line == finding.matchContext?.line) && paths.contains(entry.file)
                && (entry.commit == nil || entry.commit == finding.git?.commit.lowercased())
                && names(rule: entry.rule, finding.rule)
        }
    }

    /// gitleaks drops a finding of a rule whose id says `generic` where, in the same file (and
    /// commit) and on the same line, a rule whose id does not found a secret containing its
    /// secret: the config's generic rule gives way to its specific ones, as in gitleaks.
    func withoutGenericDuplicates(_ findings: [Finding]) -> [Finding] {
        let ids = gitleaksIDs
        let isGeneric = { (finding: Finding) in ids[finding.rule]?.lowercased().contains("generic") }
        guard findings.contains(where: { isGeneric($0) == true }) else { return findings }
        return findings.filter { finding in
            guard isGeneric(finding) == true else { return true }
            return !findings.contains { other in
                isGeneric(other) == false && other.path == finding.path
                    && (other.matchContext?.line ?? other.line) == (finding.matchContext?.line ?? finding.line)
                    && other.git?.commit == finding.git?.commit && other.secret.contains(finding.secret)
            }
        }
    }

    /// Whether a fingerprint's rule id names the finding's rule.
    private func names(rule gitleaksID: String, _ ruleID: String) -> Bool {
        if let mapped = mappedIDs[gitleaksID] { return mapped == ruleID }
        if keywardenIDs.contains(gitleaksID) { return gitleaksID == ruleID }
        return byRule[ruleID] == nil
    }

    private func allows(_ allowlist: Allowlist, _ finding: Finding, _ paths: [String]) -> Bool {
        let list = allowlist.list
        var checks: [Bool] = []
        if !list.commits.isEmpty { checks.append(finding.git.map { list.commits.contains($0.commit.lowercased()) } ?? false) }
        if !allowlist.paths.isEmpty { checks.append(allowlist.paths.contains { matcher in paths.contains { Self.matches(matcher, $0) } }) }
        if !allowlist.regexes.isEmpty {
            let target = switch list.target {
            case .secret: finding.secret
            case .match: finding.matchContext?.match ?? finding.secret
            case .line: finding.matchContext?.lines ?? finding.secret
            }
            checks.append(allowlist.regexes.contains { Self.matches($0, target) })
        }
        if !list.stopwords.isEmpty {
            let lowered = finding.secret.lowercased()
            checks.append(list.stopwords.contains { lowered.contains($0) })
        }
        return list.condition == .and ? !checks.isEmpty && checks.allSatisfy { $0 } : checks.contains(true)
    }

    /// The path as reported, and relative to the scan root it is under.
    private func names(of path: String) -> [String] {
        var names = [path]
        for root in roots {
            if root == ".", path.hasPrefix("./") { names.append(String(path.dropFirst(2))) }
            else if root != ".", path.hasPrefix(root + "/") { names.append(String(path.dropFirst(root.count + 1))) }
        }
        return names
    }

    static func regex(_ pattern: GitleaksPattern) throws -> PCRE2Regex {
        do { return try PCRE2Regex(pattern.pattern) } catch {
            throw DiagnosticError(at: pattern.location, "regex rejected by PCRE2: \(error)")
        }
    }

    static func matches(_ matcher: PCRE2Matcher, _ text: String) -> Bool {
        var found = false
        Array(text.utf8).withUnsafeBytes { buffer in
            matcher.forEachMatch(in: buffer, from: 0, to: buffer.count) { _ in found = true }
        }
        return found
    }
}
