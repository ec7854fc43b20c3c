import KeyWardenScan
import KeyWardenSupport

/// What of a finding can be verified, and by whom: an exchange credential set (signed by the
/// exchange's connector) or a service key (sent by its declared `ServiceVerifier`).
enum VerificationCandidate: Sendable {
    case exchange(FoundCredentials)
    case service(any ServiceVerifier, ServiceCredential)

    /// nil when no verifier applies to the finding.
    init?(_ finding: Finding, services: [any ServiceVerifier]) {
        if let credentials = FoundCredentials(finding) {
            self = .exchange(credentials)
        } else if let verifier = services.first(where: { $0.rules.contains(finding.rule) }) {
            self = .service(verifier, ServiceCredential(secret: finding.secret, keyId: finding.keyId))
        } else {
            return nil
        }
    }

    /// Requests to one provider go one at a time: their rate limits expect it.
    var provider: String {
        switch self {
        case .exchange(let credentials): credentials.provider.rawValue
        case .service(let verifier, _): verifier.service.rawValue
        }
    }

    /// Identifies the credential within a run, so each is asked about once however often it was
    /// found. A digest: the values stay out of it.
    var cacheKey: String {
        switch self {
        case .exchange(let credentials): credentials.cacheKey
        case .service(let verifier, let credential):
            Fingerprint.of(rule: "verify\u{0}\(verifier.service.rawValue)\u{0}\(credential.keyId ?? "")", secret: credential.secret)
        }
    }
}
