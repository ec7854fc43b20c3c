import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Fetches one account's key inventory from its exchange: the library entry point behind
/// `keywarden inventory fetch` and `keywarden audit --live`.
public struct InventoryFetcher: Sendable {
    public var transport: any HTTPTransport
    public var policy: RetryPolicy
    public var options: ConnectorOptions
    public var clock: @Sendable () -> Date
    /// Progress lines for `--verbose`: method, path, status, waits. Never headers, queries or bodies.
    public var log: @Sendable (String) -> Void

    public init(transport: any HTTPTransport = CurlTransport(), policy: RetryPolicy = .standard, options: ConnectorOptions = ConnectorOptions(),
                clock: @escaping @Sendable () -> Date = { Date() }, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.transport = transport
        self.policy = policy
        self.options = options
        self.clock = clock
        self.log = log
    }

    /// With the default transport and retry policy.
    public static func fetch(provider: Provider, account: String, credentials: APICredentials, endpoint: URL? = nil) async throws(InventoryFetchError)
        -> InventorySnapshot {
        try await InventoryFetcher().fetch(provider: provider, account: account, credentials: credentials, endpoint: endpoint)
    }

    /// All keys of the account, or an error naming the account and the reason: never a partial snapshot.
    public func fetch(provider: Provider, account: String, credentials: APICredentials, endpoint: URL? = nil) async throws(InventoryFetchError)
        -> InventorySnapshot {
        do throws(FetchFailure) {
            guard credentials.provider == provider else {
                throw FetchFailure(provider, .configuration, "the credentials are for \(credentials.provider.displayName)")
            }
            let type = Exchanges.descriptor(for: provider).connector
            let baseURL = try Self.baseURL(endpoint, default: type.documentedBaseURL, provider: provider)
            let session = ExchangeSession(provider: provider, baseURL: baseURL, allowedEndpoints: type.allowedEndpoints, transport: transport,
                                          policy: policy, clock: clock, log: log)
            let connector = try type.init(session: session, credentials: credentials, options: options)
            let keys = try await connector.fetchKeys(account: account)
            return InventorySnapshot(provider: provider, account: account, fetchedAt: clock(), keys: keys)
        } catch {
            throw InventoryFetchError(provider: provider, account: account, failure: error)
        }
    }

    /// `--endpoint` may point anywhere over HTTPS; plain HTTP only to this machine, because
    /// OKX and Bitget send the passphrase as a header.
    static func baseURL(_ endpoint: URL?, default documented: URL, provider: Provider) throws(FetchFailure) -> URL {
        guard let endpoint else { return documented }
        guard isAllowedEndpoint(endpoint) else {
            throw FetchFailure(provider, .configuration, "--endpoint must be an https:// URL (plain http only to localhost): \(endpoint.absoluteString)")
        }
        return endpoint
    }

    /// https anywhere; http only to this machine.
    public static func isAllowedEndpoint(_ url: URL) -> Bool {
        switch url.scheme?.lowercased() {
        case "https": true
        case "http": ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host ?? "")
        default: false
        }
    }
}

/// An account whose inventory could not be fetched: `okx account 'main': OKX 50110: …`.
public struct InventoryFetchError: Error, Sendable, Hashable, CustomStringConvertible {
    public let provider: Provider
    public let account: String
    public let failure: FetchFailure

    public var description: String { "\(provider.rawValue) account '\(account)': \(failure)" }
}

extension InventoryFetchError: ClassifiedError {
    public var failureClass: FailureClass { failure.kind == .configuration ? .usage : .incomplete }
}
