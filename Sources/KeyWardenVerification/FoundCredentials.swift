import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenScan
import KeyWardenSupport

/// The credentials a scan finding holds, ready to sign with: the exchange the rule's credential
/// set names, the key (`keyId`), the secret, and the passphrase where the exchange needs one.
/// A finding of an exchange keywarden cannot sign for is not a candidate; an incomplete set is a
/// candidate that cannot be verified, with the missing part named.
public enum FoundCredentials: Sendable, Hashable {
    case complete(APICredentials)
    case incomplete(Provider, missing: String)

    /// nil when the finding is not an exchange credential keywarden can verify.
    public init?(_ finding: Finding) {
        guard let set = finding.credentialSet, let provider = Provider(rawValue: set) else { return nil }
        guard let key = finding.keyId, !key.isEmpty else {
            self = .incomplete(provider, missing: "no API key found near the secret")
            return
        }
        // A set without its secret is reported at its passphrase or its key: nothing to sign with.
        guard finding.secret != key, finding.secret != finding.passphrase else {
            self = .incomplete(provider, missing: "no API secret found near the key")
            return
        }
        if provider.needsPassphrase, finding.passphrase == nil {
            self = .incomplete(provider, missing: "no passphrase found near the key (\(provider.displayName) signs with one)")
            return
        }
        let secret = provider == .coinbase ? Self.pem(finding.secret) : finding.secret
        self = .complete(APICredentials(provider: provider, apiKey: key, secret: secret,
                                        passphrase: provider.needsPassphrase ? finding.passphrase : nil))
    }

    public var provider: Provider {
        switch self {
        case .complete(let credentials): credentials.provider
        case .incomplete(let provider, _): provider
        }
    }

    /// Identifies the credential within a run, so each is asked about once however often it was
    /// found (history scans find one key in many commits). A digest: the values stay out of it.
    public var cacheKey: String {
        switch self {
        case .complete(let credentials):
            Fingerprint.of(rule: "verify\u{0}\(credentials.provider.rawValue)\u{0}\(credentials.apiKey)",
                           secret: credentials.secret + "\u{0}" + (credentials.passphrase ?? ""))
        case .incomplete(let provider, let missing): "incomplete\u{0}\(provider.rawValue)\u{0}\(missing)"
        }
    }

    /// A Coinbase private key as found in code (line breaks escaped as `\n`, or split over
    /// quoted, comma-separated lines) rebuilt as the PEM the signer reads.
    static func pem(_ found: String) -> String {
        let begin = "-----BEGIN EC PRIVATE KEY-----", end = "-----END EC PRIVATE KEY-----"
        guard let start = found.range(of: begin), let stop = found.range(of: end, range: start.upperBound..<found.endIndex) else { return found }
        let body = found[start.upperBound..<stop.lowerBound].replacingOccurrences(of: "\\n", with: "\n")
            .filter { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=" }
            .filter(\.isASCII)
        var lines = [begin]
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        lines.append(end)
        return lines.joined(separator: "\n")
    }
}
