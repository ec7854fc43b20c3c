import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Fetches the live key inventory of every account a policy names, one account at a time (one
/// request at a time per exchange, as their rate limits expect). Fails closed: the caller gets
/// either every snapshot or the list of accounts that could not be read, never a partial set.
public struct LiveInventory: Sendable {
    /// One provider account to read.
    public struct Account: Sendable, Hashable, Comparable {
        public let provider: Provider
        public let account: String

        public init(provider: Provider, account: String) {
            self.provider = provider
            self.account = account
        }

        public static func < (lhs: Account, rhs: Account) -> Bool { (lhs.provider, lhs.account) < (rhs.provider, rhs.account) }
    }

    /// Accounts that could not be read, each with a reason a user can act on.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let reasons: [String]
        /// True when every failure is a configuration problem (missing or unsafe credentials).
        public let isConfiguration: Bool
        public var description: String { reasons.joined(separator: "\n") }
    }

    public let fetcher: InventoryFetcher
    public let credentials: CredentialsResolver
    public let endpoint: URL?

    public init(fetcher: InventoryFetcher, credentials: CredentialsResolver, endpoint: URL? = nil) {
        self.fetcher = fetcher
        self.credentials = credentials
        self.endpoint = endpoint
    }

    /// Credentials for one account: a profile named after the account when the credentials file
    /// has one (two accounts on one exchange cannot share environment variables), otherwise the
    /// provider's environment variables or profile.
    func credentials(for account: Account) throws -> APICredentials {
        let file = credentials.credentialsFile
        if FileManager.default.fileExists(atPath: file),
           (try? CredentialsFile.load(path: file).has(profile: account.account, provider: account.provider)) == true {
            return try credentials.resolve(provider: account.provider, account: account.account, profile: account.account)
        }
        return try credentials.resolve(provider: account.provider, account: account.account, profile: nil)
    }

    public func fetch(_ accounts: [Account]) async throws(Failure) -> [InventorySnapshot] {
        var snapshots: [InventorySnapshot] = []
        var reasons: [String] = []
        var configurationOnly = true
        for account in accounts {
            do {
                let keys = try credentials(for: account)
                snapshots.append(try await fetcher.fetch(provider: account.provider, account: account.account, credentials: keys,
                                                         endpoint: endpoint))
            } catch let error as InventoryFetchError {
                configurationOnly = configurationOnly && error.failure.kind == .configuration
                reasons.append(error.description)
            } catch {
                reasons.append("\(account.provider.rawValue) account '\(account.account)': \(error)")
            }
        }
        guard reasons.isEmpty else { throw Failure(reasons: reasons, isConfiguration: configurationOnly) }
        return snapshots
    }
}

extension LiveInventory.Failure: ClassifiedError {
    public var failureClass: FailureClass { isConfiguration ? .usage : .incomplete }
}
