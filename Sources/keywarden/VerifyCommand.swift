import ArgumentParser
import Foundation
import KeyWardenVerification

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "State what `scan --verify` may call.",
        discussion: """
        --list-endpoints prints every method and URL verification may send a found credential \
        to, one per line (provider, method, URL), with --verify-endpoint overrides applied. The \
        secret goes only to the provider that issued it (or the endpoint given for that provider).
        """
    )

    @Flag(help: "Print every endpoint verification may call.")
    var listEndpoints = false

    @OptionGroup var options: VerifyOptions

    func validate() throws {
        guard listEndpoints else { throw ValidationError("give --list-endpoints") }
    }

    func run() throws {
        for endpoint in VerificationEndpoints.all(overrides: try options.endpoints()) {
            print("\(endpoint.provider)\t\(endpoint.method)\t\(endpoint.url)")
        }
    }
}
