import Foundation
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenTestSupport
import KeyWardenVerification
import Testing

/// `scan --verify` for service keys (GitHub, AWS, Slack, OpenAI, Anthropic, Stripe) against the
/// loopback server, which answers in each service's documented shape and checks AWS's SigV4
/// signature with botocore: a live key, a rejected key, a server that does not answer.
@Suite(.timeLimit(.minutes(3)))
struct ServiceVerifierTests {
    /// A credential in the service's real format, generated afresh, as the rule that finds it reports it.
    struct Sample {
        let rule: String
        let secret: String
        let keyId: String?
        /// The value the server logs the request under (the token, or the AWS access key id).
        var loggedKey: String { keyId ?? secret }
    }

    static func random(_ count: Int, from alphabet: String = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") -> String {
        String((0..<count).map { _ in alphabet.randomElement()! })
    }

    static func sample(_ service: Service, restricted: Bool = false) -> Sample {
        switch service {
        case .github: Sample(rule: "github-fine-grained-token", secret: "github_pat_11\(random(20))_\(random(59))", keyId: nil)
        case .aws: Sample(rule: "aws-secret-access-key", secret: random(40, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"),
                          keyId: "AKIA" + random(16, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
        case .slack: Sample(rule: "slack-token", secret: "xoxb-\(random(11, from: "0123456789"))-\(random(13, from: "0123456789"))-\(random(24))", keyId: nil)
        case .openai: Sample(rule: "openai-api-key", secret: "sk-proj-\(random(28))T3BlbkFJ\(random(28))", keyId: nil)
        case .anthropic: Sample(rule: "anthropic-api-key", secret: "sk-ant-api03-\(random(93))AA", keyId: nil)
        case .stripe: Sample(rule: "stripe-live-key", secret: "\(restricted ? "rk" : "sk")_live_\(random(32))", keyId: nil)
        }
    }

    static func finding(_ sample: Sample) -> Finding {
        Finding(rule: sample.rule, description: "secret", severity: .high, path: "service.env", line: 1, column: 1, endLine: 1, endColumn: 10,
                secret: sample.secret, entropy: 4, keyId: sample.keyId)
    }

    static func verifier(_ server: LoopbackExchangeServer) -> FindingVerifier {
        let policy = RetryPolicy(timeout: .milliseconds(1500), maxAttempts: 1, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(50),
                                 maxServerRequestedWait: .seconds(1))
        let endpoints = Dictionary(uniqueKeysWithValues: Service.allCases.map { ($0, server.baseURL) })
        return FindingVerifier(services: ServiceKeyVerifier(policy: policy, endpoints: endpoints))
    }

    /// Verifies one freshly made credential that the server treats as `<service>-<scenario>`.
    static func verify(_ service: Service, _ scenario: String, restricted: Bool = false) async throws
        -> (Verification, [LoopbackExchangeServer.LoggedRequest], Sample) {
        let server = try LoopbackExchangeServer.start()
        let sample = sample(service, restricted: restricted)
        try await server.register(key: sample.loggedKey, as: "\(service.rawValue)-\(scenario)", secret: sample.secret)
        let results = await verifier(server).verify([finding(sample)])
        let verification = try #require(results.first ?? nil)
        return (verification, try await server.requests(key: sample.loggedKey), sample)
    }

    @Test(arguments: Service.allCases)
    func aLiveKeyIsLiveWithWhatTheServiceSaid(service: Service) async throws {
        let (verification, requests, sample) = try await Self.verify(service, "ok")
        #expect(verification.status == .live, "\(verification)")
        #expect(verification.provider == service.rawValue)
        #expect(verification.summary.hasPrefix("live \(service.displayName) "), "\(verification.summary)")
        #expect(requests.count == 1 && requests.allSatisfy(\.verified), "one request, in the form the service expects (AWS: botocore checked the signature)")
        #expect(!verification.summary.contains(sample.secret))
    }

    @Test func eachServiceSaysWhoTheKeyIs() async throws {
        #expect(try await Self.verify(.github, "ok").0.summary == "live GitHub token, user kw-release-bot, scopes: repo workflow")
        #expect(try await Self.verify(.github, "ok").0.rawPermissions == ["repo", "workflow"])
        #expect(try await Self.verify(.aws, "ok").0.summary == "live AWS key, arn:aws:iam::402718365519:user/ci-deployer, account 402718365519")
        #expect(try await Self.verify(.slack, "ok").0.summary
            == "live Slack bot token, deploy-bot in workspace kw-ops, scopes: channels:read chat:write")
        #expect(try await Self.verify(.openai, "ok").0.summary == "live OpenAI key, lists 2 models")
        #expect(try await Self.verify(.anthropic, "ok").0.summary == "live Anthropic key, lists 1 models")
        #expect(try await Self.verify(.stripe, "ok").0.summary == "live Stripe secret key, account acct_1QkW7e2eZvKYlo2C (Tern Coffee), live mode")
        #expect(try await Self.verify(.stripe, "ok").0.identity == "account acct_1QkW7e2eZvKYlo2C (Tern Coffee)")
    }

    @Test func aStripeRestrictedKeyThatMayNotReadTheAccountIsStillLive() async throws {
        let (verification, _, _) = try await Self.verify(.stripe, "ok", restricted: true)
        #expect(verification.status == .live)
        #expect(verification.summary == "live Stripe restricted key, live mode, cannot read the account (restricted permissions)")
    }

    @Test(arguments: Service.allCases)
    func aRejectedKeyIsInvalid(service: Service) async throws {
        let (verification, requests, _) = try await Self.verify(service, "badsig")
        #expect(verification.status == .invalid, "\(verification)")
        #expect(verification.summary == "invalid \(service.displayName) key: rejected by \(service.displayName)")
        #expect(requests.count == 1)
    }

    @Test(arguments: Service.allCases)
    func aServerThatDoesNotAnswerLeavesTheKeyUnknown(service: Service) async throws {
        let (verification, _, _) = try await Self.verify(service, "timeout")
        #expect(verification.status == .unknown)
        #expect(verification.reason?.contains("no response within the timeout") == true, "\(verification)")
    }

    @Test(arguments: Service.allCases)
    func aServerFaultOrAMalformedAnswerLeavesTheKeyUnknown(service: Service) async throws {
        let (fault, _, _) = try await Self.verify(service, "busy")
        #expect(fault.status == .unknown, "\(fault)")
        #expect(fault.reason?.contains("HTTP 503") == true, "\(fault)")
        let (malformed, _, _) = try await Self.verify(service, "malformed")
        #expect(malformed.status == .unknown, "\(malformed)")
    }

    @Test func anAWSKeyIdWithoutItsSecretIsUnknownAndSendsNothing() async throws {
        let server = try LoopbackExchangeServer.start()
        let keyId = "AKIA" + Self.random(16, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let alone = Finding(rule: "aws-access-key-id", description: "key id", severity: .high, path: "a.env", line: 1, column: 1, endLine: 1,
                            endColumn: 20, secret: keyId, entropy: 3, keyId: keyId)
        let results = await Self.verifier(server).verify([alone])
        #expect(results.first??.status == .unknown)
        #expect(results.first??.reason?.contains("no AWS secret access key") == true, "\(String(describing: results.first))")
        #expect(try await server.requests(key: keyId).isEmpty)
    }

    @Test func aTemporaryAWSKeyNeedsItsSessionToken() async throws {
        let server = try LoopbackExchangeServer.start()
        var sample = Self.sample(.aws)
        sample = Sample(rule: sample.rule, secret: sample.secret, keyId: "ASIA" + sample.keyId!.dropFirst(4))
        let results = await Self.verifier(server).verify([Self.finding(sample)])
        #expect(results.first??.reason?.contains("session token") == true)
        #expect(try await server.requests(key: sample.keyId!).isEmpty)
    }

    @Test func eachTokenIsAskedAboutOncePerRun() async throws {
        let server = try LoopbackExchangeServer.start()
        let sample = Self.sample(.openai)
        try await server.register(key: sample.secret, as: "openai-ok")
        let results = await Self.verifier(server).verify([Self.finding(sample), Self.finding(sample), Self.finding(sample)])
        #expect(results.allSatisfy { $0?.status == .live })
        #expect(try await server.requests(key: sample.secret).count == 1)
    }

    @Test func theEndpointListNamesEveryServiceAndAppliesOverrides() throws {
        let endpoints = VerificationEndpoints.all()
        for verifier in ServiceVerifiers.all {
            #expect(endpoints.contains { $0.provider == verifier.service.rawValue && $0.url.hasPrefix("https://") }, "\(verifier.service)")
        }
        #expect(endpoints.contains(.init(provider: "aws", method: "GET", url: "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15")))
        let overrides = try VerificationEndpointOverrides.parse(["github=http://127.0.0.1:8123", "okx=https://proxy.example"])
        let moved = VerificationEndpoints.all(overrides: overrides)
        #expect(moved.contains(.init(provider: "github", method: "GET", url: "http://127.0.0.1:8123/user")))
        #expect(moved.contains(.init(provider: "okx", method: "GET", url: "https://proxy.example/api/v5/account/config")))
    }

    @Test func everyServiceRuleIdNamesAShippedRule() throws {
        let shipped = Set(try BuiltinRules.load().map(\.id))
        for verifier in ServiceVerifiers.all {
            #expect(verifier.rules.isSubset(of: shipped), "\(verifier.service): \(verifier.rules.subtracting(shipped))")
        }
    }
}
