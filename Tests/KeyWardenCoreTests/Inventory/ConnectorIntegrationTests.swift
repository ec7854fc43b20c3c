import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// Every connector against the loopback exchange server, which verifies each request's
/// signature with the exchange's official Python SDK (the signing oracle).
@Suite(.timeLimit(.minutes(3)))
struct ConnectorIntegrationTests {
    /// Fast but real: short timeout, tiny backoff, small pages so pagination is exercised.
    static func fetcher() -> InventoryFetcher {
        InventoryFetcher(policy: RetryPolicy(timeout: .milliseconds(1500), maxAttempts: 2, initialBackoff: .milliseconds(10),
                                             maxBackoff: .milliseconds(50), maxServerRequestedWait: .seconds(5)),
                         options: ConnectorOptions(pageSize: 2))
    }

    func fetch(_ provider: Provider, _ scenario: String, tag: String? = nil) async throws
        -> (LoopbackExchangeServer, Result<InventorySnapshot, InventoryFetchError>) {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(provider, scenario, tag: tag)
        do {
            let snapshot = try await Self.fetcher().fetch(provider: provider, account: "main", credentials: credentials, endpoint: server.baseURL)
            return (server, .success(snapshot))
        } catch {
            return (server, .failure(error))
        }
    }

    @Test(arguments: Provider.allCases)
    func signingOracleAcceptsEveryRequest(provider: Provider) async throws {
        let (server, result) = try await fetch(provider, "ok")
        let snapshot = try result.get()
        #expect(!snapshot.keys.isEmpty)
        let requests = try await server.requests(key: "\(provider.rawValue)-ok")
        #expect(!requests.isEmpty)
        for request in requests {
            #expect(request.verified, "\(provider.displayName) \(request.method) \(request.path) failed the \(server.oracles[provider.rawValue] ?? "?") oracle")
            #expect(request.method == "GET" || (provider == .kraken && request.method == "POST" && request.path == "/0/private/GetApiKeyInfo"))
        }
    }

    @Test func okxMainKeyListsEverySubAccountAcrossPagesAndTheirKeys() async throws {
        let (server, result) = try await fetch(.okx, "ok", tag: "pages")
        let snapshot = try result.get()
        #expect(snapshot.keys.map(\.keyId).sorted() == ["okx-pages-ok", "okx-sub1-key-a", "okx-sub1-key-b", "okx-sub2-key-a"])
        let own = try #require(snapshot.keys.first { $0.keyId == "okx-pages-ok" })
        #expect(own.permissions == [.read, .trade, .withdraw])
        #expect(snapshot.keys.first { $0.keyId == "okx-sub1-key-a" }?.subAccount == "sub1")
        let listings = try await server.requests(key: "okx-pages-ok").filter { $0.path == "/api/v5/users/subaccount/list" }
        #expect(listings.map(\.query) == ["limit=2", "limit=2&after=1700000002000"])
    }

    @Test func bybitMasterKeyListsSubMemberKeysAcrossPages() async throws {
        let (server, result) = try await fetch(.bybit, "ok", tag: "pages")
        let snapshot = try result.get()
        let subKeys = snapshot.keys.filter { $0.subAccount != nil }
        #expect(subKeys.map(\.keyId).sorted() == ["bybit-1001-key-1", "bybit-1001-key-2", "bybit-1001-key-3", "bybit-1002-key-1"])
        #expect(subKeys.first { $0.keyId == "bybit-1001-key-2" }?.permissions == [.read, .trade, .transfer])
        #expect(subKeys.first { $0.keyId == "bybit-1001-key-3" }?.permissions == [.read])
        #expect(subKeys.first { $0.keyId == "bybit-1001-key-1" }?.subAccount == "bot-one")
        let requests = try await server.requests(key: "bybit-pages-ok")
        #expect(requests.filter { $0.path == "/v5/user/submembers" }.count == 2)
        #expect(requests.filter { $0.path == "/v5/user/sub-apikeys" && $0.query.contains("subMemberId=1001") }.count == 2)
    }

    @Test(arguments: [Provider.okx, .bybit])
    func aSubAccountThatCannotBeReadFailsTheWholeAccount(provider: Provider) async throws {
        let (_, result) = try await fetch(provider, "subfail")
        guard case .failure(let error) = result else { Issue.record("returned a partial inventory"); return }
        #expect(error.failure.kind == .permission)
        #expect(error.description.contains("does not have the permission"))
    }

    @Test(arguments: Provider.allCases)
    func aRateLimitIsWaitedOutAndRetried(provider: Provider) async throws {
        let (server, result) = try await fetch(provider, "ratelimit")
        #expect(throws: Never.self) { try result.get() }
        let first = try await server.requests(key: "\(provider.rawValue)-ratelimit")
        #expect(first.count >= 2)
        #expect(first[0].path == first[1].path)
    }

    /// A fetcher whose waits are recorded instead of slept, so the requested delays can be checked fast.
    func fetchRecordingWaits(_ provider: Provider, _ scenario: String) async throws -> ([Duration], Result<InventorySnapshot, InventoryFetchError>) {
        let server = try LoopbackExchangeServer.start()
        let waits = RecordedWaits()
        var fetcher = Self.fetcher()
        fetcher.policy.initialBackoff = .seconds(1)
        fetcher.policy.maxBackoff = .seconds(60)
        fetcher.policy.maxServerRequestedWait = .seconds(120)
        fetcher.policy.sleep = { duration in waits.append(duration) }
        do {
            let snapshot = try await fetcher.fetch(provider: provider, account: "main", credentials: server.credentials(provider, scenario),
                                                   endpoint: server.baseURL)
            return (waits.all, .success(snapshot))
        } catch {
            return (waits.all, .failure(error))
        }
    }

    @Test(arguments: Provider.allCases.filter { $0 != .kraken })
    func aRateLimitWaitsAsLongAsTheExchangeAsks(provider: Provider) async throws {
        let (waits, result) = try await fetchRecordingWaits(provider, "retryafter")
        #expect(throws: Never.self) { try result.get() }
        #expect(waits.count == 1)
        // Bybit gives a reset instant rather than a delay, so some of the 60 s has passed by then
        // (generously bounded: a loaded machine answers slowly); a backoff would be at most 1 s.
        let lowest: Duration = provider == .bybit ? .seconds(30) : .seconds(60)
        #expect(waits.allSatisfy { $0 >= lowest && $0 <= .seconds(60) }, "\(waits)")
    }

    @Test func withoutAWaitHintTheSessionBacksOffWithJitter() async throws {
        let (waits, result) = try await fetchRecordingWaits(.kraken, "retryafter")
        #expect(throws: Never.self) { try result.get() }
        #expect(waits.count == 1)
        #expect(waits.allSatisfy { $0 >= .milliseconds(500) && $0 <= .seconds(1) }, "\(waits)")
    }

    @Test(arguments: [Provider.okx, .gate])
    func aServerErrorIsRetriedAfterBackoff(provider: Provider) async throws {
        let (waits, result) = try await fetchRecordingWaits(provider, "busy")
        #expect(throws: Never.self) { try result.get() }
        #expect(waits.count == 1)
    }

    @Test func aWaitLongerThanKeywardenAcceptsFailsAtOnce() async throws {
        let (waits, result) = try await fetchRecordingWaits(.binance, "longwait")
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.failure.kind == .rateLimited)
        #expect(error.description.contains("asks to wait 3600.0 s"))
        #expect(waits.isEmpty)
    }

    @Test(arguments: Provider.allCases)
    func anInvalidSignatureFailsWithoutRetrying(provider: Provider) async throws {
        let (server, result) = try await fetch(provider, "badsig")
        guard case .failure(let error) = result else { Issue.record("\(provider.displayName) accepted a bad signature"); return }
        #expect(error.failure.kind == .authentication)
        #expect(error.description.hasPrefix("\(provider.rawValue) account 'main': \(provider.displayName)"))
        let requests = try await server.requests(key: "\(provider.rawValue)-badsig")
        #expect(requests.count == 1)
    }

    @Test(arguments: Provider.allCases)
    func aServerThatDoesNotAnswerTimesOut(provider: Provider) async throws {
        // The server stalls 5 s and then answers: a timeout failure (not a response) proves the
        // client gave up first. No wall-clock bound here: under CI load that would be flaky, and
        // the suite's time limit catches a hang.
        let (_, result) = try await fetch(provider, "timeout")
        guard case .failure(let error) = result else { Issue.record("no timeout"); return }
        #expect(error.failure.kind == .timeout)
        #expect(error.description.contains("no response within"))
    }

    @Test(arguments: Provider.allCases)
    func aMalformedBodyIsAClearError(provider: Provider) async throws {
        let (_, result) = try await fetch(provider, "malformed")
        guard case .failure(let error) = result else { Issue.record("accepted a malformed body"); return }
        #expect(error.failure.kind == .malformedResponse)
        #expect(error.description.contains("malformed response from GET") || error.description.contains("malformed response from POST"))
        #expect(error.description.contains("not JSON"))
    }

    @Test(arguments: Provider.allCases.filter { $0 != .coinbase })
    func aClockSkewErrorSyncsToServerTimeAndRetriesOnce(provider: Provider) async throws {
        let (server, result) = try await fetch(provider, "skew")
        #expect(throws: Never.self) { try result.get() }
        let requests = try await server.requests(key: "\(provider.rawValue)-skew")
        #expect(requests.count >= 2)
        let timeRequests = try await server.publicRequests(exchange: provider.rawValue)
        #expect(!timeRequests.isEmpty)
    }

    @Test(arguments: [Provider.binance, .bybit])
    func anIPBanStopsAtTheFirstResponse(provider: Provider) async throws {
        let (server, result) = try await fetch(provider, "ban")
        guard case .failure(let error) = result else { Issue.record("ignored a ban"); return }
        #expect(error.failure.kind == .banned)
        let requests = try await server.requests(key: "\(provider.rawValue)-ban")
        #expect(requests.count == 1)
    }

    @Test func okxIPRejectionIsReportedInWordsAUserCanActOn() async throws {
        let (_, result) = try await fetch(.okx, "ipdenied", tag: "words")
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.description == "okx account 'main': OKX 50110: this key is not allowed from this IP")
    }

    @Test(arguments: Provider.allCases)
    func permissionAndIPRejectionsAreNotRetried(provider: Provider) async throws {
        let (server, result) = try await fetch(provider, "ipdenied")
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.failure.kind == .permission)
        let requests = try await server.requests(key: "\(provider.rawValue)-ipdenied")
        #expect(requests.count == 1)
    }

    @Test func plainHTTPIsRefusedForAnythingButLocalhost() async throws {
        let credentials = APICredentials(provider: .okx, apiKey: "k", secret: "s", passphrase: "p")
        await #expect(throws: InventoryFetchError.self) {
            try await Self.fetcher().fetch(provider: .okx, account: "main", credentials: credentials, endpoint: URL(string: "http://proxy.example")!)
        }
    }
}

/// Waits a test asked for, in order.
final class RecordedWaits: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []

    func append(_ duration: Duration) { lock.withLock { waits.append(duration) } }
    var all: [Duration] { lock.withLock { waits } }
}
