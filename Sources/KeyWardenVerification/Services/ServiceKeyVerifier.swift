import Foundation
import KeyWardenInventory
import KeyWardenReportModel

/// Sends a service verifier's request and turns the answer into a `Verification`: the one
/// pipeline every declared `ServiceVerifier` goes through. Bounded like the exchange path: a
/// timeout per request, at most `maxAttempts` tries for rate limits and server faults, a
/// server-requested wait only up to `maxServerRequestedWait`, redirects never followed (the
/// transport's rule).
public struct ServiceKeyVerifier: Sendable {
    public var transport: any HTTPTransport
    public var policy: RetryPolicy
    /// Base URLs that replace a service's documented host (`--verify-endpoint`).
    public var endpoints: [Service: URL]
    public var clock: @Sendable () -> Date

    public init(transport: any HTTPTransport = CurlTransport(), policy: RetryPolicy = ExchangeKeyVerifier.defaultFetcher.policy,
                endpoints: [Service: URL] = [:], clock: @escaping @Sendable () -> Date = { Date() }) {
        self.transport = transport
        self.policy = policy
        self.endpoints = endpoints
        self.clock = clock
    }

    public func verify(_ credential: ServiceCredential, with verifier: any ServiceVerifier) async -> Verification {
        let service = verifier.service
        if let missing = verifier.missing(credential) { return ServiceWording.unknown(service, reason: "incomplete credential: \(missing)") }
        let url = verifier.url(base: endpoints[service])
        var attempt = 0
        while true {
            attempt += 1
            let answer: ServiceAnswer
            do {
                let request = try verifier.request(credential, to: url, at: clock())
                answer = verifier.read(try await transport.send(request, timeout: policy.timeout), for: credential, now: clock())
            } catch let error as TransportError {
                // An answer too large is not worth asking for again; silence and an unreachable host are.
                if case .tooLarge = error {
                    answer = .undetermined(Self.describe(error, url: url))
                } else {
                    answer = .retryable(Self.describe(error, url: url), retryAfter: nil)
                }
            } catch {
                return ServiceWording.unknown(service, reason: "cannot build the request: \(error)")
            }
            switch answer {
            case .live(let description): return ServiceWording.live(service, description)
            case .rejected(let reason): return ServiceWording.invalid(service, reason: reason)
            case .undetermined(let reason): return ServiceWording.unknown(service, reason: reason)
            case .retryable(let reason, let retryAfter):
                guard attempt < policy.maxAttempts else { return ServiceWording.unknown(service, reason: "\(reason) (after \(attempt) attempts)") }
                let wait = retryAfter ?? policy.backoff(retry: attempt)
                guard wait <= policy.maxServerRequestedWait else {
                    return ServiceWording.unknown(service, reason: "\(reason); \(service.displayName) asks to wait longer than keywarden waits")
                }
                try? await policy.wait(wait)
            }
        }
    }

    /// The host only, never the path or query.
    static func describe(_ error: TransportError, url: URL) -> String {
        switch error {
        case .timedOut: "no response within the timeout"
        case .unreachable(let reason): "cannot reach \(url.host ?? url.absoluteString): \(reason)"
        case .tooLarge(let limit): "the answer is larger than \(limit / (1 << 20)) MiB; stopped reading"
        }
    }
}

/// A service's answer in the words a report shows: "live GitHub token, user octocat, scopes: repo".
enum ServiceWording {
    static func live(_ service: Service, _ key: ServiceKeyDescription) -> Verification {
        var words = ["live \(service.displayName) \(key.kind)"]
        if let identity = key.identity { words.append(identity) }
        words += key.details
        return Verification(status: .live, provider: service.rawValue, summary: words.joined(separator: ", "), rawPermissions: key.scopes,
                            identity: key.identity)
    }

    static func invalid(_ service: Service, reason: String) -> Verification {
        Verification(status: .invalid, provider: service.rawValue, summary: "invalid \(service.displayName) key: rejected by \(service.displayName)",
                     reason: reason)
    }

    static func unknown(_ service: Service, reason: String) -> Verification {
        Verification(status: .unknown, provider: service.rawValue, summary: "\(service.displayName) key not verified", reason: reason)
    }
}
