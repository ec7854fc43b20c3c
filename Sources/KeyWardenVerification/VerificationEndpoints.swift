import Foundation
import KeyWardenAccounts
import KeyWardenInventory

/// Every host and path `--verify` may call: the exchange connectors' own declarations (the
/// same lists their sessions enforce) and each service verifier's one request, for
/// `keywarden verify --list-endpoints`.
public enum VerificationEndpoints {
    public struct Endpoint: Sendable, Hashable {
        /// `okx`, `github`, ...: the name `--verify-endpoint` takes.
        public let provider: String
        public let method: String
        public let url: String

        public init(provider: String, method: String, url: String) {
            self.provider = provider
            self.method = method
            self.url = url
        }
    }

    /// Sorted by provider, then URL. `overrides` replace a provider's documented host.
    public static func all(overrides: VerificationEndpointOverrides = VerificationEndpointOverrides(),
                           services: [any ServiceVerifier] = ServiceVerifiers.all) -> [Endpoint] {
        let exchanges = Exchanges.all.flatMap { descriptor -> [Endpoint] in
            let connector = descriptor.connector
            let base = trimmed(overrides.exchanges[descriptor.provider] ?? connector.documentedBaseURL)
            return connector.callingKeyEndpoints.map { Endpoint(provider: descriptor.provider.rawValue, method: $0.method, url: base + $0.path) }
        }
        let others = services.map { verifier in
            Endpoint(provider: verifier.service.rawValue, method: verifier.endpoint.method,
                     url: verifier.url(base: overrides.services[verifier.service]).absoluteString)
        }
        return (exchanges + others).sorted { ($0.provider, $0.url, $0.method) < ($1.provider, $1.url, $1.method) }
    }

    static func trimmed(_ url: URL) -> String {
        var base = url.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}

/// `--verify-endpoint provider=url` entries, by exchange or service.
public struct VerificationEndpointOverrides: Sendable {
    public var exchanges: [Provider: URL] = [:]
    public var services: [Service: URL] = [:]

    public init() {}

    public struct ParseError: Error, CustomStringConvertible { public let description: String }

    /// Every name `--verify-endpoint` accepts, sorted.
    public static var providerNames: [String] { (Provider.allCases.map(\.rawValue) + Service.allCases.map(\.rawValue)).sorted() }

    /// Each URL held to the `--endpoint` rule: https, plain http only to this machine.
    public static func parse(_ entries: [String]) throws(ParseError) -> VerificationEndpointOverrides {
        var result = VerificationEndpointOverrides()
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts.first?.lowercased() ?? ""
            guard parts.count == 2, providerNames.contains(name) else {
                throw ParseError(description: "--verify-endpoint takes provider=url with provider one of \(providerNames.joined(separator: ", ")): \(entry)")
            }
            guard let url = URL(string: parts[1]), url.host != nil, InventoryFetcher.isAllowedEndpoint(url) else {
                throw ParseError(description: "--verify-endpoint must use https (plain http only to localhost): \(parts[1])")
            }
            if let provider = Provider(rawValue: name) { result.exchanges[provider] = url } else if let service = Service(rawValue: name) { result.services[service] = url }
        }
        return result
    }
}
