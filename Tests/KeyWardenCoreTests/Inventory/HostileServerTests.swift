import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenInventory
import KeyWardenTestSupport
import Testing

/// Servers that try to exhaust, stall, redirect or overflow a live fetch, on loopback: each fetch
/// ends quickly with a clear failure, and no signed header leaves for another host.
@Suite(.timeLimit(.minutes(2)))
struct HostileServerTests {
    static func fetcher(maxResponseBytes: Int = 1 << 20) -> InventoryFetcher {
        InventoryFetcher(transport: CurlTransport(maxResponseBytes: maxResponseBytes),
                         policy: RetryPolicy(timeout: .milliseconds(1500), maxAttempts: 2, initialBackoff: .milliseconds(10),
                                             maxBackoff: .milliseconds(50), maxServerRequestedWait: .seconds(5)))
    }

    func failure(_ provider: Provider, _ scenario: String) async throws -> (LoopbackExchangeServer, InventoryFetchError, Duration) {
        let server = try LoopbackExchangeServer.start()
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let snapshot = try await Self.fetcher().fetch(provider: provider, account: "main", credentials: server.credentials(provider, scenario),
                                                          endpoint: server.baseURL)
            Issue.record("\(scenario) was accepted: \(snapshot.keys.count) keys")
            throw CancellationError()
        } catch let error as InventoryFetchError {
            return (server, error, clock.now - start)
        }
    }

    @Test func anEndlessBodyStopsAtTheLimitAndNamesTheEndpoint() async throws {
        let (_, error, elapsed) = try await failure(.okx, "endless")
        #expect(error.failure.kind == .malformedResponse)
        #expect(error.description.contains("larger than 1 MiB"), "\(error)")
        #expect(error.description.contains("/api/v5/account/config"), "\(error)")
        #expect(elapsed < .seconds(120))  // a hang guard only: the size limit, not the clock, ends it
    }

    @Test func aTricklingBodyIsATimeoutOfTheWholeRequest() async throws {
        let (_, error, elapsed) = try await failure(.okx, "trickle")
        // A timeout between bytes would let the body run to its end (a minute) and then succeed
        // or fail otherwise: only a timeout of the whole request ends in `.timeout`. (No bound on
        // the wall time: under a loaded test run the cooperative pool starves and it says nothing.)
        #expect(error.failure.kind == .timeout, "\(error)")
        #expect(elapsed < .seconds(120))
    }

    @Test func aRedirectIsNotFollowedSoSignedHeadersStayHome() async throws {
        let (server, error, _) = try await failure(.okx, "redirect")
        #expect(error.description.contains("HTTP 302 redirect"), "\(error)")
        #expect(error.description.contains("not followed"))
        let caught = try await server.requests(key: "okx-redirect").filter { $0.path == "/__catch" }
        #expect(caught.isEmpty)
        let anywhere = try await server.allRequests().filter { $0.path == "/__catch" }
        #expect(anywhere.isEmpty, "a redirect was followed: \(anywhere)")
    }

    @Test func aClosedPortIsUnreachableWithLibcurlsReasonAndNoResponse() async throws {
        // A port taken from the kernel and given back: nothing listens there.
        let port = try LoopbackPort.unused()
        let request = HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:\(port)/api")!, body: Data("{}".utf8))
        let outcome: Result<HTTPResponse, TransportError>
        do {
            outcome = .success(try await CurlTransport().send(request, timeout: .seconds(10)))
        } catch {
            outcome = .failure(error)
        }
        let reason: String? = if case let .failure(.unreachable(reason)) = outcome { reason } else { nil }
        #expect(reason?.contains("\(port)") == true, "\(outcome)")
    }

    @Test(arguments: [Provider.okx, .bybit])
    func anAbsurdWaitIsRefusedNotAnArithmeticTrap(provider: Provider) async throws {
        let (_, error, elapsed) = try await failure(provider, "hugewait")
        #expect(error.failure.kind == .rateLimited, "\(error)")
        #expect(error.description.contains("longer than keywarden waits"))
        // Waiting as told would never end; the refusal comes after the attempts' own delays.
        #expect(elapsed < .seconds(120))
    }

    @Test func instantsPastTheYear9999AreAMalformedResponse() async throws {
        let (_, error, _) = try await failure(.kraken, "hugetime")
        #expect(error.failure.kind == .malformedResponse, "\(error)")
        #expect(error.description.contains("out of range"))
    }
}

/// The same bounds on the numbers alone.
@Suite struct BoundedNumberTests {
    func response(_ headers: [String: String]) -> HTTPResponse { HTTPResponse(status: 429, headers: headers, body: Data()) }

    @Test func hugeWaitHeadersClampInsteadOfOverflowing() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let wait = RateLimitHeaders.retryAfter(response(["Retry-After": "99999999999999999999"]), now: now)
        #expect(wait == .seconds(1e9))
        #expect(RateLimitHeaders.retryAfter(response(["Retry-After": "1e30"]), now: now) == .seconds(1e9))
        #expect(RateLimitHeaders.retryAfter(response(["Retry-After": "nan"]), now: now) == nil)
        #expect(RateLimitHeaders.untilEpochMilliseconds(response(["R": "1e300"]), header: "R", now: now) == .seconds(1e9))
        #expect(RateLimitHeaders.milliseconds(response(["R": "-5"]), header: "R") == .seconds(0))
    }

    @Test func numbersFromJSONAreFiniteAndIdsDoNotTrap() throws {
        let cursor = try JSONCursor.parse(Data(#"{"id": 1e30, "n": "inf", "t": 1e300}"#.utf8))
        #expect(try cursor.field("id").text() == "1e+30")
        #expect(throws: MalformedResponse.self) { try cursor.field("n").number() }
        #expect(throws: MalformedResponse.self) { try cursor.field("t").epochMilliseconds() }
    }

    @Test func aResponseThatRepeatsAKeyIsMalformedNotHalfRead() {
        let body = Data(#"{"code":"0","data":[{"perm":"read_only","ip":"","perm":"read_only,withdraw"}]}"#.utf8)
        #expect(throws: MalformedResponse.self) { try JSONCursor.parse(body) }
    }
}
