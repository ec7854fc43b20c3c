import Foundation

/// How hard a connector tries: per-request timeout, bounded retries, and backoff.
/// Delays go through `sleep` so tests can scale them down instead of waiting.
public struct RetryPolicy: Sendable {
    public var timeout: Duration
    /// Attempts per request, the first included.
    public var maxAttempts: Int
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// Longest wait keywarden accepts from a `Retry-After` or reset header before giving up.
    public var maxServerRequestedWait: Duration
    /// Multiplies every wait; 1 in production, small in tests.
    public var delayScale: Double
    public var sleep: @Sendable (Duration) async throws -> Void
    public var jitter: @Sendable () -> Double

    /// Exponential backoff from 1 s doubling to 60 s, with jitter, as the exchanges recommend.
    public static let standard = RetryPolicy(timeout: .seconds(15), maxAttempts: 5, initialBackoff: .seconds(1), maxBackoff: .seconds(60),
                                             maxServerRequestedWait: .seconds(120))

    public init(timeout: Duration, maxAttempts: Int, initialBackoff: Duration, maxBackoff: Duration, maxServerRequestedWait: Duration,
                delayScale: Double = 1, sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.5...1.0) }) {
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxServerRequestedWait = maxServerRequestedWait
        self.delayScale = delayScale
        self.sleep = sleep
        self.jitter = jitter
    }

    /// Backoff before retry number `retry` (1-based): initial * 2^(retry-1), capped, with jitter.
    public func backoff(retry: Int) -> Duration {
        let base = initialBackoff.timeInterval * pow(2, Double(max(0, retry - 1)))
        return .seconds(min(base, maxBackoff.timeInterval) * jitter())
    }

    public func wait(_ duration: Duration) async throws {
        let scaled = duration.timeInterval * delayScale
        if scaled > 0 { try await sleep(.seconds(scaled)) }
    }
}
