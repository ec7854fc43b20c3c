import Foundation
import KeyWardenInventory

/// One provider's verification, declared: which findings it applies to, the one read-only
/// request that describes the calling key, and how to read the answer. The pipeline
/// (`ServiceKeyVerifier`, `FindingVerifier`) is the same for all of them: adding a provider is a
/// folder with one of these and a line in `ServiceVerifiers.all`.
public protocol ServiceVerifier: Sendable {
    var service: Service { get }
    /// Rule ids whose findings hold this service's keys.
    var rules: Set<String> { get }
    /// HTTPS to the service's documented API host.
    var documentedBaseURL: URL { get }
    /// The identity request: method and path (with its fixed query), for `--list-endpoints`.
    var endpoint: ServiceEndpoint { get }
    /// What a finding must hold besides the secret; nil when it holds all of it, else what is
    /// missing in words ("no access key id found near the secret").
    func missing(_ credential: ServiceCredential) -> String?
    /// The request for `credential`, sent to `url` (the base URL and `endpoint`), at `now` (signatures).
    func request(_ credential: ServiceCredential, to url: URL, at now: Date) throws -> HTTPRequest
    func read(_ response: HTTPResponse, for credential: ServiceCredential, now: Date) -> ServiceAnswer
}

extension ServiceVerifier {
    public func missing(_ credential: ServiceCredential) -> String? { nil }

    /// `endpoint`'s path and query on `base` (documented host or `--verify-endpoint`).
    public func url(base: URL?) -> URL {
        var text = (base ?? documentedBaseURL).absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + endpoint.path)!
    }
}

/// Every service verifier keywarden ships.
public enum ServiceVerifiers {
    public static let all: [any ServiceVerifier] = [
        AnthropicVerifier(), AWSVerifier(), GitHubVerifier(), OpenAIVerifier(), SlackVerifier(), StripeVerifier(),
    ]

    /// The verifier for findings of `rule`, if any.
    public static func verifier(forRule rule: String) -> (any ServiceVerifier)? {
        all.first { $0.rules.contains(rule) }
    }
}

/// A method and a path (with its fixed query) on a service's host.
public struct ServiceEndpoint: Sendable, Hashable {
    public let method: String
    public let path: String

    public init(_ method: String, _ path: String) {
        self.method = method
        self.path = path
    }
}
