import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenScan
import KeyWardenSupport
import KeyWardenTestSupport
import KeyWardenVerification
import Testing

/// `scan --verify` against the loopback exchange server, which checks every signature with the
/// exchange's official SDK: a live key, a rejected key, a server that does not answer.
@Suite(.timeLimit(.minutes(3)))
struct FindingVerifierTests {
    static func verifier(_ server: LoopbackExchangeServer, budget: Duration = .seconds(60)) -> FindingVerifier {
        let fetcher = InventoryFetcher(policy: RetryPolicy(timeout: .milliseconds(1500), maxAttempts: 1, initialBackoff: .milliseconds(10),
                                                           maxBackoff: .milliseconds(50), maxServerRequestedWait: .seconds(1)))
        let endpoints = Dictionary(uniqueKeysWithValues: Provider.allCases.map { ($0, server.baseURL) })
        return FindingVerifier(verifier: ExchangeKeyVerifier(fetcher: fetcher, endpoints: endpoints), budget: budget)
    }

    /// A finding as the credential-set grouper reports one: at the secret, with the key and passphrase.
    static func finding(_ credentials: APICredentials, path: String = "config.env") -> Finding {
        var finding = Finding(rule: "\(credentials.provider.rawValue)-secret-key", description: "secret", severity: .critical, path: path,
                              line: 2, column: 1, endLine: 2, endColumn: 10, secret: credentials.secret, entropy: 4,
                              keyId: credentials.apiKey)
        finding.credentialSet = credentials.provider.rawValue
        finding.passphrase = credentials.passphrase
        return finding
    }

    @Test(arguments: Provider.allCases)
    func aLiveKeyIsLiveWithWhatTheExchangeDescribed(provider: Provider) async throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(provider, "ok", tag: "verify")
        let results = await Self.verifier(server).verify([Self.finding(credentials)])
        let verification = try #require(results.first ?? nil)
        #expect(verification.status == .live, "\(verification)")
        #expect(verification.summary.hasPrefix("live \(provider.displayName) key"))
        let direct = try await ConnectorIntegrationTests.fetcher().fetch(provider: provider, account: "x", credentials: credentials,
                                                                         endpoint: server.baseURL)
        let own = try #require(direct.keys.first { $0.keyId == credentials.apiKey } ?? direct.keys.first)
        #expect(verification.permissions == own.sortedPermissions.map(\.rawValue))
        #expect(verification.canWithdraw == own.permissions.contains(.withdraw))
        #expect(verification.ipBound == !own.isUnbound)
        let requests = try await server.requests(key: credentials.apiKey)
        #expect(!requests.isEmpty && requests.allSatisfy(\.verified), "every request passed the SDK's signature check")
    }

    @Test func onlyTheCallingKeyIsDescribedNotTheSubAccounts() async throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(.okx, "ok", tag: "verifyonly")
        let results = await Self.verifier(server).verify([Self.finding(credentials)])
        #expect(results.first??.status == .live)
        let paths = try await server.requests(key: credentials.apiKey).map(\.path)
        #expect(paths == ["/api/v5/account/config"])
    }

    @Test(arguments: Provider.allCases)
    func aRejectedKeyIsInvalid(provider: Provider) async throws {
        let server = try LoopbackExchangeServer.start()
        let results = await Self.verifier(server).verify([Self.finding(server.credentials(provider, "badsig", tag: "verify"))])
        let verification = try #require(results.first ?? nil)
        #expect(verification.status == .invalid, "\(verification)")
        #expect(verification.permissions == nil)
    }

    @Test(arguments: Provider.allCases)
    func aServerThatDoesNotAnswerLeavesTheKeyUnknown(provider: Provider) async throws {
        let server = try LoopbackExchangeServer.start()
        let results = await Self.verifier(server).verify([Self.finding(server.credentials(provider, "timeout", tag: "verify"))])
        let verification = try #require(results.first ?? nil)
        #expect(verification.status == .unknown)
        #expect(verification.reason?.contains("no response within") == true, "\(verification)")
    }

    @Test func aLiveKeyThatCanWithdrawIsRaisedToCriticalInWords() async throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(.okx, "ok", tag: "raise")
        let found = Self.finding(credentials)
        let results = await Self.verifier(server).verify([found])
        let record = ScanSection.FindingRecord(rule: found.rule, description: "d", severity: .medium, path: found.path, line: 2, column: 1,
                                               endLine: 2, endColumn: 10, secret: "[redacted]", fingerprint: found.fingerprint, entropy: 4)
        let section = ScanSection(rulesHash: "h", summary: .init(findings: 1, bySeverity: ScanSection.bySeverity([.medium]), filesScanned: 1,
                                                                 bytesScanned: 1, skipped: 0, durationSeconds: 0),
                                  findings: [record], skipped: [], rules: []).verified(results)
        #expect(section.findings[0].severity == .critical)
        #expect(section.summary.bySeverity["critical"] == 1 && section.summary.bySeverity["medium"] == 0)
        #expect(section.findings[0].verification?.summary == "live OKX key, can withdraw, not IP-bound")
    }

    @Test func eachCredentialIsAskedAboutOncePerRun() async throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(.binance, "ok", tag: "once")
        let findings = [Self.finding(credentials, path: "a.env"), Self.finding(credentials, path: "b.env"), Self.finding(credentials, path: "c.env")]
        let results = await Self.verifier(server).verify(findings)
        #expect(results.allSatisfy { $0?.status == .live })
        let requests = try await server.requests(key: credentials.apiKey)
        #expect(requests.count == 1)
    }

    @Test func anIncompleteSetIsUnknownAndSendsNothing() async throws {
        let server = try LoopbackExchangeServer.start()
        var credentials = server.credentials(.kucoin, "ok", tag: "nopass")
        credentials = APICredentials(provider: .kucoin, apiKey: credentials.apiKey, secret: credentials.secret)
        let results = await Self.verifier(server).verify([Self.finding(credentials)])
        #expect(results.first??.status == .unknown)
        #expect(results.first??.reason?.contains("no passphrase") == true)
        let requests = try await server.requests(key: credentials.apiKey)
        #expect(requests.isEmpty)
    }

    @Test func aFindingThatIsNotAnExchangeCredentialIsNotVerified() async throws {
        let server = try LoopbackExchangeServer.start()
        let other = Finding(rule: "github-pat", description: "d", severity: .high, line: 1, column: 1, endLine: 1, endColumn: 5,
                            secret: "ghp_x", entropy: 3)
        let results = await Self.verifier(server).verify([other])
        #expect(results.count == 1 && results[0] == nil)
    }

    @Test func keysWhoseTurnComesAfterTheBudgetAreNotSent() async throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(.gate, "ok", tag: "budget")
        let results = await Self.verifier(server, budget: .zero).verify([Self.finding(credentials)])
        #expect(results.first??.status == .unknown)
        let requests = try await server.requests(key: credentials.apiKey)
        #expect(requests.isEmpty)
    }

    @Test func theEndpointListNamesEveryExchangeAndOnlyReadEndpoints() {
        let endpoints = VerificationEndpoints.all()
        #expect(Set(Provider.allCases.map(\.rawValue)).isSubset(of: Set(endpoints.map(\.provider))))
        #expect(endpoints.allSatisfy { $0.url.hasPrefix("https://") })
        #expect(endpoints.allSatisfy { $0.method == "GET" || $0.url.hasSuffix("/0/private/GetApiKeyInfo") || $0.url.hasSuffix("/api/auth.test") })
        #expect(!endpoints.contains { $0.url.contains("subaccount") || $0.url.contains("sub-apikeys") || $0.url.contains("submembers") })
    }
}
