import ArgumentParser
import Foundation
import KeyWardenAccounts
import KeyWardenInventory

/// `--verify` and `--verify-endpoint`: whether found exchange credentials are checked with the
/// exchange that issued them, and where those requests go.
struct VerifyOptions: ParsableArguments {
    @Flag(help: "Ask each exchange whether the credential sets found still work and what they can do (read-only requests; off by default; `verify: true` in .keywarden.yaml). `keywarden verify --list-endpoints` lists every host it may call.")
    var verify = false

    @Option(name: .customLong("verify-endpoint"), parsing: .singleValue,
            help: ArgumentHelp("Send one exchange's verification to another base URL (https; plain http only to localhost), e.g. okx=https://proxy.example:8443.", valueName: "provider=url"))
    var verifyEndpoints: [String] = []

    func validate() throws { _ = try endpoints() }

    /// The overrides by provider; each URL checked as `--endpoint` is.
    func endpoints() throws -> [Provider: URL] {
        var result: [Provider: URL] = [:]
        for entry in verifyEndpoints {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let provider = Provider(rawValue: parts[0].lowercased()) else {
                throw ValidationError("--verify-endpoint takes provider=url with provider one of \(Provider.allCases.map(\.rawValue).joined(separator: ", ")): \(entry)")
            }
            guard let url = URL(string: parts[1]), url.host != nil, InventoryFetcher.isAllowedEndpoint(url) else {
                throw ValidationError("--verify-endpoint must use https (plain http only to localhost): \(parts[1])")
            }
            result[provider] = url
        }
        return result
    }
}
