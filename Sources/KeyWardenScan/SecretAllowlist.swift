import Foundation
import KeyWardenMatching
/// The configured reasons not to report a secret: allow regexes (PCRE2, matched against the
/// secret) and stopwords (case-insensitive substrings of the secret).
final class SecretAllowlist: @unchecked Sendable {
    private let regexes: [PCRE2Regex]
    private let stopwords: [String]
    /// Entries past their `until`, each on its own: they no longer allow, but say why their
    /// secret is back.
    private let lapsed: [(allowlist: SecretAllowlist, metadata: SuppressionMetadata)]

    init(_ configuration: ScanConfiguration) throws {
        let now = configuration.now ?? Date()
        let expired = { (entry: String) in configuration.allowMetadata[entry]?.isExpired(now: now) == true }
        regexes = try configuration.allowRegexes.filter { !expired($0) }.map { try PCRE2Regex($0) }
        stopwords = configuration.stopwords.filter { !expired($0) }
        var lapsed: [(SecretAllowlist, SuppressionMetadata)] = []
        for pattern in configuration.allowRegexes where expired(pattern) {
            var one = ScanConfiguration()
            one.allowRegexes = [pattern]
            lapsed.append((try SecretAllowlist(one), configuration.allowMetadata[pattern]!))
        }
        for word in configuration.stopwords where expired(word) {
            var one = ScanConfiguration()
            one.stopwords = [word]
            lapsed.append((try SecretAllowlist(one), configuration.allowMetadata[word]!))
        }
        self.lapsed = lapsed
    }

    /// Per-thread view: PCRE2 match data may not be shared.
    func checker() -> Checker {
        Checker(matchers: regexes.map(PCRE2Matcher.init), stopwords: stopwords, lapsed: lapsed.map { ($0.allowlist.checker(), $0.metadata) })
    }

    final class Checker {
        private let matchers: [PCRE2Matcher]
        private let stopwords: [String]
        private let lapsed: [(checker: Checker, metadata: SuppressionMetadata)]

        init(matchers: [PCRE2Matcher], stopwords: [String], lapsed: [(checker: Checker, metadata: SuppressionMetadata)] = []) {
            self.matchers = matchers
            self.stopwords = stopwords
            self.lapsed = lapsed
        }

        /// What the expired allow entry that would have allowed `secret` said.
        func lapsedEntry(for secret: String) -> SuppressionMetadata? {
            lapsed.first { $0.checker.allows(secret) }?.metadata
        }

        func allows(_ secret: String) -> Bool {
            if !stopwords.isEmpty {
                let lowered = secret.lowercased()
                if stopwords.contains(where: lowered.contains) { return true }
            }
            guard !matchers.isEmpty else { return false }
            let bytes = Array(secret.utf8)
            return bytes.withUnsafeBytes { buffer in
                matchers.contains { matcher in
                    var matched = false
                    matcher.forEachMatch(in: buffer, from: 0, to: buffer.count) { _ in matched = true }
                    return matched
                }
            }
        }
    }
}
