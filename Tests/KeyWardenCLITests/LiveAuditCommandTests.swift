import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReport
import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// `keywarden audit --live` end to end: the built binary fetches every account a policy names
/// from the loopback exchange server, and fails closed when any account cannot be read.
@Suite(.timeLimit(.minutes(3)))
struct LiveAuditCommandTests {
    func policy(_ directory: TemporaryDirectory) throws -> String {
        try directory.write("policy.yaml", """
        version: 1
        apps:
          - name: grid-bot
            owner: quant@example.com
            provider: okx
            account: main
            permissions: [read, trade]
          - name: hedger
            owner: quant@example.com
            provider: bybit
            account: main
            permissions: [read, trade]
        """)
    }

    func environment(_ credentials: [APICredentials]) -> [String: String] {
        var environment = ["HOME": "/nonexistent", "KEYWARDEN_CREDENTIALS": "/nonexistent/credentials.yaml"]
        for credential in credentials {
            let prefix = "KEYWARDEN_\(credential.provider.rawValue.uppercased())_"
            environment[prefix + "API_KEY"] = credential.apiKey
            environment[prefix + "API_SECRET"] = credential.secret
            if let passphrase = credential.passphrase { environment[prefix + "PASSPHRASE"] = passphrase }
        }
        return environment
    }

    @Test func everyAccountThePolicyNamesIsFetchedAndAudited() throws {
        let server = try LoopbackExchangeServer.start()
        let directory = try TemporaryDirectory()
        let outcome = try CLIHarness.run(
            ["audit", "--policy", try policy(directory), "--live", "--endpoint", server.baseURL.absoluteString,
             "--format", "json", "--now", "2026-11-20T00:00:00Z", "--fail-on", "none"],
            environment: environment([server.credentials(.okx, "ok", tag: "live"), server.credentials(.bybit, "ok", tag: "live")]))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("live:okx/main"))
        #expect(outcome.stdout.contains("live:bybit/main"))
        #expect(!outcome.stdout.contains("test-secret-"), "no secret in any output")
    }

    @Test func oneUnreadableAccountFailsTheWholeAuditWithExitThree() throws {
        let server = try LoopbackExchangeServer.start()
        let directory = try TemporaryDirectory()
        let outcome = try CLIHarness.run(
            ["audit", "--policy", try policy(directory), "--live", "--endpoint", server.baseURL.absoluteString],
            environment: environment([server.credentials(.okx, "ok", tag: "live2"), server.credentials(.bybit, "badsig", tag: "live2")]))
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("bybit account 'main'"))
        #expect(outcome.stdout.isEmpty, "no report from partial data")
    }

    @Test func missingCredentialsAreAConfigurationError() throws {
        let server = try LoopbackExchangeServer.start()
        let directory = try TemporaryDirectory()
        let outcome = try CLIHarness.run(
            ["audit", "--policy", try policy(directory), "--live", "--endpoint", server.baseURL.absoluteString],
            environment: environment([server.credentials(.okx, "ok", tag: "live3")]).merging(["KEYWARDEN_BYBIT_API_KEY": ""]) { $1 })
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("KEYWARDEN_BYBIT_API_KEY"))
    }
}
