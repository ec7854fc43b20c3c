import ArgumentParser
import Foundation
import KeyWardenAccounts
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReport
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

/// `keywarden inventory fetch`: one account's keys, written as an inventory snapshot.
struct InventoryFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch one account's API keys from its exchange and write an inventory snapshot.",
        discussion: """
        Calls only read-only endpoints that describe keys (GET, and Kraken's POST GetApiKeyInfo). \
        OKX and Bybit main-account keys also list their sub-accounts' keys.

        Credentials come from KEYWARDEN_<PROVIDER>_API_KEY, KEYWARDEN_<PROVIDER>_API_SECRET and \
        KEYWARDEN_<PROVIDER>_PASSPHRASE (OKX, KuCoin, Bitget), or from a profile in the credentials \
        file (--credentials, KEYWARDEN_CREDENTIALS, default ~/.config/keywarden/credentials.yaml), \
        which must be readable by its owner only (chmod 600). Never from the command line.

        Exit codes: 0 the snapshot was written; 2 usage or configuration error (bad flag, \
        missing or unsafe credentials); 3 the account could not be read (no snapshot is written).
        """
    )

    @Option(help: ArgumentHelp("The exchange: \(Provider.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var provider: ProviderArgument

    @Option(help: ArgumentHelp("The account name recorded in the snapshot, as the policy names it (default: the profile name, else 'default').",
                               valueName: "name"))
    var account: String?

    @Option(help: ArgumentHelp("A profile of the credentials file to sign with, instead of environment variables.", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("The credentials file (default: $KEYWARDEN_CREDENTIALS, else ~/.config/keywarden/credentials.yaml).",
                               valueName: "file"))
    var credentials: String?

    @Option(help: ArgumentHelp("Base URL to call instead of the exchange's documented host (https; http only to localhost).",
                               valueName: "url"))
    var endpoint: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the snapshot to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Seconds to wait for each response.", valueName: "seconds"))
    var timeout: Double = 15

    @Option(help: ArgumentHelp("Attempts per request before giving up on rate limits, timeouts and server errors.", valueName: "n"))
    var maxAttempts: Int = 5

    @Option(help: ArgumentHelp("Pin the snapshot's fetchedAt time (ISO 8601), for reproducible output.", valueName: "instant"))
    var now: Instant?

    @Flag(name: .shortAndLong, help: "Print each request (method, path, status) and each wait to stderr. Never headers or secrets.")
    var verbose = false

    func validate() throws {
        // Bounded both ways: `inf`, `nan` or 1e30 would overflow the duration arithmetic.
        guard timeout.isFinite, timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        guard (1...100).contains(maxAttempts) else { throw ValidationError("--max-attempts must be between 1 and 100") }
        if let endpoint {
            guard let url = URL(string: endpoint), url.host != nil else {
                throw ValidationError("--endpoint must be a URL such as https://proxy.example:8443")
            }
            guard InventoryFetcher.isAllowedEndpoint(url) else {
                throw ValidationError("--endpoint must use https (plain http only to localhost): \(endpoint)")
            }
        }
    }

    func run() throws {
        let provider = self.provider.provider
        let accountName = account ?? profile ?? "default"
        let resolver = CredentialsResolver(explicitFile: credentials)
        let keys = try resolver.resolve(provider: provider, account: account, profile: profile)
        var policy = RetryPolicy.standard
        policy.timeout = .milliseconds(Int(timeout * 1000))
        policy.maxAttempts = maxAttempts
        let verbose = self.verbose
        let fetcher = InventoryFetcher(policy: policy,
                                       log: { line in if verbose { Terminal.standardError("keywarden: \(line)") } })
        let endpointURL = endpoint.flatMap(URL.init(string:))
        var snapshot: InventorySnapshot
        do {
            snapshot = try AsyncBridge.wait {
                try await fetcher.fetch(provider: provider, account: accountName, credentials: keys, endpoint: endpointURL)
            }
        } catch let error as InventoryFetchError where error.failureClass == .incomplete {
            throw ContextualError("cannot fetch", error)
        }
        // --now pins only the recorded time: requests are still signed with the real clock.
        if let pinned = now?.date { snapshot.fetchedAt = pinned }
        let data = try InventorySnapshotWriter.encode(snapshot)
        try Terminal.deliver(String(decoding: data, as: UTF8.self), to: output)
        if verbose { Terminal.standardError("keywarden: \(snapshot.keys.count) key\(snapshot.keys.count == 1 ? "" : "s") from \(provider.displayName) account '\(accountName)'") }
    }
}

/// `--provider` values, with a did-you-mean for typos.
struct ProviderArgument: ExpressibleByArgument {
    let provider: Provider

    init?(argument: String) {
        guard let provider = Provider(rawValue: argument.lowercased()) else { return nil }
        self.provider = provider
    }

    static var allValueStrings: [String] { Provider.allCases.map(\.rawValue) }
}
