import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Sends a connector's requests one at a time, the way the exchanges ask clients to behave:
/// only declared read endpoints, a timeout per request, `Retry-After` and reset headers honoured,
/// otherwise exponential backoff with jitter, one retry after syncing to server time on a clock-skew
/// error, and no retry at all for authentication, permission or ban errors.
public final class ExchangeSession {
    public let provider: Provider
    let baseURL: URL
    let allowedEndpoints: Set<ReadEndpoint>
    let transport: any HTTPTransport
    let policy: RetryPolicy
    let log: @Sendable (String) -> Void
    let clock: @Sendable () -> Date
    /// Server time minus local time, learned from the exchange after a clock-skew error.
    private(set) var clockOffset: TimeInterval = 0

    public init(provider: Provider, baseURL: URL, allowedEndpoints: [ReadEndpoint], transport: any HTTPTransport, policy: RetryPolicy,
                clock: @escaping @Sendable () -> Date = { Date() }, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.provider = provider
        self.baseURL = baseURL
        self.allowedEndpoints = Set(allowedEndpoints)
        self.transport = transport
        self.policy = policy
        self.clock = clock
        self.log = log
    }

    /// The exchange's idea of now, for timestamps.
    public var now: Date { clock().addingTimeInterval(clockOffset) }

    /// The URL a request goes to: the base URL (documented host or `--endpoint`) plus path and query.
    public func url(for parts: RequestParts) throws(FetchFailure) -> URL {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base + parts.requestPath) else {
            throw FetchFailure(provider, .configuration, "cannot form a URL from \(base) and \(parts.path)")
        }
        return url
    }

    /// Sends `parts`, signed by `sign` afresh for each attempt, and returns the body of the
    /// first response `classify` accepts.
    public func send(_ parts: RequestParts,
                     sign: (RequestParts, Date) throws -> RequestParts,
                     classify: (HTTPResponse) -> ResponseOutcome,
                     serverTime: (() async throws(FetchFailure) -> Date)? = nil) async throws(FetchFailure) -> Data {
        guard allowedEndpoints.contains(parts.endpoint), parts.endpoint.isRead else {
            // Unreachable for shipped connectors (a test checks them); a guard, not a code path.
            throw FetchFailure(provider, .configuration, "refusing \(parts.endpoint): not a declared read-only endpoint")
        }
        var attempt = 0
        var syncedClock = false
        var lastProblem = ""
        while true {
            attempt += 1
            let signed: RequestParts
            do {
                signed = try sign(parts, now)
            } catch let failure as FetchFailure {
                throw failure
            } catch {
                throw FetchFailure(provider, .configuration, "\(error)")
            }
            let request = HTTPRequest(method: signed.method, url: try url(for: signed), headers: signed.headers,
                                      body: signed.body.isEmpty ? nil : Data(signed.body.utf8))
            let outcome: ResponseOutcome
            do {
                let response = try await transport.send(request, timeout: policy.timeout)
                log("\(signed.method) \(signed.path) -> HTTP \(response.status) (attempt \(attempt))")
                outcome = classify(response)
            } catch {
                switch error {
                case .timedOut:
                    log("\(signed.method) \(signed.path) -> timed out (attempt \(attempt))")
                    lastProblem = "no response within \(Self.seconds(policy.timeout))"
                    guard attempt < policy.maxAttempts else {
                        throw FetchFailure(provider, .timeout, "\(lastProblem) after \(attempt) attempts to \(signed.path)")
                    }
                    try await backoff(retry: attempt)
                    continue
                case .tooLarge(let limit):
                    log("\(signed.method) \(signed.path) -> response over \(limit) bytes (attempt \(attempt))")
                    throw FetchFailure(provider, .malformedResponse,
                                       "the response to \(signed.method) \(signed.path) is larger than \(limit / (1 << 20)) MiB; stopped reading")
                case .unreachable(let reason):
                    log("\(signed.method) \(signed.path) -> unreachable (attempt \(attempt))")
                    lastProblem = "cannot reach \(baseURL.host ?? baseURL.absoluteString): \(reason)"
                    guard attempt < policy.maxAttempts else { throw FetchFailure(provider, .unreachable, lastProblem) }
                    try await backoff(retry: attempt)
                    continue
                }
            }
            switch outcome {
            case .success(let data):
                return data
            case .fatal(let failure):
                throw failure
            case .clockSkew(let reason):
                guard !syncedClock, let serverTime else {
                    throw FetchFailure(provider, .clockSkew, "\(reason); the request timestamp was still rejected after syncing to server time")
                }
                syncedClock = true
                let local = clock()
                let server = try await serverTime()
                clockOffset = server.timeIntervalSince(local)
                log("clock synced to \(provider.displayName) server time (offset \(Int(clockOffset * 1000)) ms)")
                attempt -= 1  // the retry after a sync is the one the exchange asked for, not a fault
            case .rateLimited(let retryAfter, let reason):
                guard attempt < policy.maxAttempts else {
                    throw FetchFailure(provider, .rateLimited, "\(reason); still rate limited after \(attempt) attempts")
                }
                if let retryAfter {
                    guard retryAfter <= policy.maxServerRequestedWait else {
                        throw FetchFailure(provider, .rateLimited, "\(reason); the exchange asks to wait \(Self.seconds(retryAfter)), longer than keywarden waits")
                    }
                    log("rate limited; waiting \(Self.seconds(retryAfter)) as the exchange asks")
                    try await wait(retryAfter)
                } else {
                    try await backoff(retry: attempt)
                }
            case .transient(let reason):
                guard attempt < policy.maxAttempts else {
                    throw FetchFailure(provider, .server, "\(reason) (gave up after \(attempt) attempts)")
                }
                try await backoff(retry: attempt)
            }
        }
    }

    private func backoff(retry: Int) async throws(FetchFailure) {
        try await wait(policy.backoff(retry: retry))
    }

    private func wait(_ duration: Duration) async throws(FetchFailure) {
        do {
            try await policy.wait(duration)
        } catch {
            throw FetchFailure(provider, .unreachable, "cancelled while waiting to retry")
        }
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f s", duration.timeInterval)
    }
}
