import ArgumentParser
import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenVerification

/// `--verify` and `--verify-endpoint`: whether found exchange credentials are checked with the
/// exchange that issued them, and where those requests go.
struct VerifyOptions: ParsableArguments {
    @Flag(help: "Ask the issuer of each exchange credential set and service key found (GitHub, AWS, Slack, OpenAI, Anthropic, Stripe) whether it still works and what it can do (read-only requests; off by default; `verify: true` in .keywarden.yaml). `keywarden verify --list-endpoints` lists every host it may call.")
    var verify = false

    @Option(name: .customLong("verify-endpoint"), parsing: .singleValue,
            help: ArgumentHelp("Send one provider's verification to another base URL (https; plain http only to localhost), e.g. okx=https://proxy.example:8443.", valueName: "provider=url"))
    var verifyEndpoints: [String] = []

    func validate() throws { _ = try endpoints() }

    /// The overrides by exchange or service; each URL checked as `--endpoint` is.
    func endpoints() throws -> VerificationEndpointOverrides {
        do {
            return try VerificationEndpointOverrides.parse(verifyEndpoints)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
