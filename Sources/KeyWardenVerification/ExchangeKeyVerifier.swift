import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport

/// Asks an exchange to describe the key that signs the request, through the inventory
/// connector of that exchange (its signer, its read-only endpoints, its bounded retries): there
/// is no second signing path. Only the calling key is described, never the account's others.
public struct ExchangeKeyVerifier: Sendable {
    public let fetcher: InventoryFetcher
    /// Base URLs that replace an exchange's documented host (`--verify-endpoint`).
    public let endpoints: [Provider: URL]

    public init(fetcher: InventoryFetcher = ExchangeKeyVerifier.defaultFetcher, endpoints: [Provider: URL] = [:]) {
        var fetcher = fetcher
        fetcher.options.callingKeyOnly = true
        self.fetcher = fetcher
        self.endpoints = endpoints
    }

    /// Short timeouts and few retries: verification must never hold a scan up for long.
    public static let defaultFetcher = InventoryFetcher(policy: RetryPolicy(timeout: .seconds(10), maxAttempts: 2, initialBackoff: .milliseconds(500),
                                                                            maxBackoff: .seconds(2), maxServerRequestedWait: .seconds(5)))

    public func verify(_ credentials: APICredentials) async -> Verification {
        let provider = credentials.provider
        do {
            let snapshot = try await fetcher.fetch(provider: provider, account: "found", credentials: credentials, endpoint: endpoints[provider])
            guard let key = snapshot.keys.first(where: { $0.keyId == credentials.apiKey }) ?? snapshot.keys.first else {
                return VerificationWording.unknown(provider, reason: "\(provider.displayName) described no key")
            }
            return VerificationWording.live(key)
        } catch {
            return VerificationWording.failed(error.failure)
        }
    }
}
