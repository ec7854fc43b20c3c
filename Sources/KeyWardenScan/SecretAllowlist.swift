import KeyWardenMatching
/// The configured reasons not to report a secret: allow regexes (PCRE2, matched against the
/// secret) and stopwords (case-insensitive substrings of the secret).
final class SecretAllowlist: @unchecked Sendable {
    private let regexes: [PCRE2Regex]
    private let stopwords: [String]

    init(_ configuration: ScanConfiguration) throws {
        regexes = try configuration.allowRegexes.map { try PCRE2Regex($0) }
        stopwords = configuration.stopwords
    }

    /// Per-thread view: PCRE2 match data may not be shared.
    func checker() -> Checker { Checker(matchers: regexes.map(PCRE2Matcher.init), stopwords: stopwords) }

    final class Checker {
        private let matchers: [PCRE2Matcher]
        private let stopwords: [String]

        init(matchers: [PCRE2Matcher], stopwords: [String]) {
            self.matchers = matchers
            self.stopwords = stopwords
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
