import Foundation

/// What a connector makes of one HTTP response; the session acts on it.
public enum ResponseOutcome: Sendable {
    /// The response carries data: decode it.
    case success(Data)
    /// Too many requests: wait this long (when the exchange said), else back off.
    case rateLimited(retryAfter: Duration?, reason: String)
    /// The request's timestamp was rejected: sync to server time and retry once.
    case clockSkew(reason: String)
    /// A server-side fault worth retrying with backoff (5xx, gateway errors).
    case transient(reason: String)
    /// Never retried: authentication, permission, IP bans.
    case fatal(FetchFailure)
}
