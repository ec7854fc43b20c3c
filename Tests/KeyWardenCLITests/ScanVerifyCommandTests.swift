import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenTestSupport
import Testing

/// `scan --verify` end to end: the built binary finds an OKX credential set in a file and asks
/// the loopback server (which checks the signature with OKX's SDK) what the key can do.
@Suite(.timeLimit(.minutes(3)))
struct ScanVerifyCommandTests {
    /// An OKX key set in OKX's real formats, generated afresh: UUID key, 32 hex secret, passphrase.
    static func okxCredentials() -> APICredentials {
        let hex = (0..<32).map { _ in String("0123456789ABCDEF".randomElement()!) }.joined()
        let passphrase = "Tern" + (0..<10).map { _ in String("abcdefghjkmnpqrstuvwxyz23456789".randomElement()!) }.joined() + "!9"
        return APICredentials(provider: .okx, apiKey: UUID().uuidString.lowercased(), secret: hex, passphrase: passphrase)
    }

    func tree(_ credentials: APICredentials) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("deploy/okx.env", """
        # okx trading bot
        OKX_API_KEY=\(credentials.apiKey)
        OKX_SECRET_KEY=\(credentials.secret)
        OKX_PASSPHRASE=\(credentials.passphrase!)

        """)
        return directory
    }

    @Test func withoutVerifyNoRequestIsMade() async throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = Self.okxCredentials()
        try await server.register(credentials, as: "ok")
        let directory = try tree(credentials)
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "json", "--verify-endpoint", "okx=\(server.baseURL.absoluteString)"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains(credentials.apiKey))
        #expect(!outcome.stdout.contains("\"verification\""))
        let requests = try await server.requests(key: credentials.apiKey)
        #expect(requests.isEmpty, "no --verify, no network")
    }

    @Test func withoutVerifyNoServiceKeyIsSentEither() async throws {
        let server = try LoopbackExchangeServer.start()
        let keyId = "AKIA" + String((0..<16).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".randomElement()! })
        let secret = String((0..<40).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".randomElement()! })
        try await server.register(key: keyId, as: "aws-ok", secret: secret)
        let directory = try TemporaryDirectory()
        try directory.write("aws.env", "AWS_ACCESS_KEY_ID=\(keyId)\nAWS_SECRET_ACCESS_KEY=\(secret)\n")
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "json", "--verify-endpoint", "aws=\(server.baseURL.absoluteString)"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains(keyId) && !outcome.stdout.contains("\"verification\""))
        #expect(try await server.requests(key: keyId).isEmpty, "no --verify, no network")
    }

    @Test func verifyMarksTheKeyLiveRaisesItAndNoOutputHoldsTheSecret() async throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = Self.okxCredentials()
        try await server.register(credentials, as: "ok")
        let directory = try tree(credentials)
        for format in ["json", "sarif", "text", "html", "markdown", "csv", "junit"] {
            let outcome = try CLIHarness.run(["scan", directory.path, "--format", format, "--verify",
                                              "--verify-endpoint", "okx=\(server.baseURL.absoluteString)"])
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.contains("live OKX key, can withdraw, not IP-bound"), "\(format)")
            for value in credentials.secretValues {
                #expect(!outcome.stdout.contains(value) && !outcome.stderr.contains(value), "\(format) printed a secret")
            }
        }
        let requests = try await server.requests(key: credentials.apiKey)
        #expect(!requests.isEmpty && requests.allSatisfy(\.verified))
    }

    @Test func aRejectedKeyIsInvalidAndADownServerUnknownAndTheExitStaysByFindings() async throws {
        let server = try LoopbackExchangeServer.start()
        let rejected = Self.okxCredentials()
        try await server.register(rejected, as: "badsig")
        let rejectedTree = try tree(rejected), downTree = try tree(Self.okxCredentials())  // kept alive: deleted on release
        let invalid = try CLIHarness.run(["scan", rejectedTree.path, "--format", "json", "--verify",
                                          "--verify-endpoint", "okx=\(server.baseURL.absoluteString)"])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("invalid OKX key: rejected by OKX"), "\(invalid.stdout)")
        // A port nothing listens on: bound, then closed.
        let down = try CLIHarness.run(["scan", downTree.path, "--format", "json", "--verify",
                                       "--verify-endpoint", "okx=http://127.0.0.1:9"])
        #expect(down.status == 1, "\(down.stderr)")
        #expect(down.stdout.contains("OKX key not verified"), "\(down.stdout)")
    }

    @Test func listEndpointsNamesEveryHostAndAppliesOverrides() throws {
        let outcome = try CLIHarness.run(["verify", "--list-endpoints", "--verify-endpoint", "okx=http://127.0.0.1:8080"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("okx\tGET\thttp://127.0.0.1:8080/api/v5/account/config"))
        #expect(outcome.stdout.contains("binance\tGET\thttps://api.binance.com/"))
        #expect(!outcome.stdout.contains("subaccount"))
    }

    @Test func serviceKeysAreVerifiedByTheirServicesAndTheSecretsStayOut() async throws {
        let server = try LoopbackExchangeServer.start()
        let random = { (count: Int, alphabet: String) in String((0..<count).map { _ in alphabet.randomElement()! }) }
        let keyId = "AKIA" + random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let secret = random(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let token = "sk-ant-api03-" + random(93, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") + "AA"
        try await server.register(key: keyId, as: "aws-ok", secret: secret)
        try await server.register(key: token, as: "anthropic-badsig")
        let directory = try TemporaryDirectory()
        try directory.write("deploy/aws.env", "AWS_ACCESS_KEY_ID=\(keyId)\nAWS_SECRET_ACCESS_KEY=\(secret)\nANTHROPIC_API_KEY=\(token)\n")
        let base = server.baseURL.absoluteString
        for format in ["json", "text", "sarif", "markdown", "html"] {
            let outcome = try CLIHarness.run(["scan", directory.path, "--format", format, "--verify",
                                              "--verify-endpoint", "aws=\(base)", "--verify-endpoint", "anthropic=\(base)"])
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.contains("live AWS key, arn:aws:iam::402718365519:user/ci-deployer"), "\(format): \(outcome.stdout)")
            #expect(outcome.stdout.contains("invalid Anthropic key: rejected by Anthropic"), "\(format)")
            #expect(!outcome.stdout.contains(secret) && !outcome.stderr.contains(secret), "\(format) printed the AWS secret")
            #expect(!outcome.stdout.contains(token) && !outcome.stderr.contains(token), "\(format) printed the Anthropic key")
        }
        let requests = try await server.requests(key: keyId)
        #expect(!requests.isEmpty && requests.allSatisfy(\.verified), "botocore accepted every SigV4 signature")
    }

    @Test func listEndpointsNamesTheServicesToo() throws {
        let outcome = try CLIHarness.run(["verify", "--list-endpoints", "--verify-endpoint", "github=http://localhost:8123"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("github\tGET\thttp://localhost:8123/user"))
        #expect(outcome.stdout.contains("aws\tGET\thttps://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15"))
        #expect(outcome.stdout.contains("slack\tPOST\thttps://slack.com/api/auth.test"))
        #expect(outcome.stdout.contains("stripe\tGET\thttps://api.stripe.com/v1/account"))
    }

    @Test func plainHTTPToAnotherHostIsRefused() throws {
        let outcome = try CLIHarness.run(["scan", ".", "--verify", "--verify-endpoint", "okx=http://example.com"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("plain http only to localhost"))
    }
}
