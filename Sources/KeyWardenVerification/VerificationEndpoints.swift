import Foundation
import KeyWardenAccounts
import KeyWardenInventory

/// Every host and path `--verify` may call, from the connectors' own declarations (the same
/// lists their sessions enforce), for `keywarden verify --list-endpoints`.
public enum VerificationEndpoints {
    public struct Endpoint: Sendable, Hashable {
        public let provider: Provider
        public let method: String
        public let url: String
    }

    /// Sorted by provider, then URL. `overrides` replace a provider's documented host.
    public static func all(overrides: [Provider: URL] = [:]) -> [Endpoint] {
        Exchanges.all.sorted { $0.provider < $1.provider }.flatMap { descriptor -> [Endpoint] in
            let connector = descriptor.connector
            var base = (overrides[descriptor.provider] ?? connector.documentedBaseURL).absoluteString
            while base.hasSuffix("/") { base.removeLast() }
            return connector.callingKeyEndpoints.map { Endpoint(provider: descriptor.provider, method: $0.method, url: base + $0.path) }
                .sorted { ($0.url, $0.method) < ($1.url, $1.method) }
        }
    }
}
