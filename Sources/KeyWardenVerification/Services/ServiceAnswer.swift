import Foundation
import KeyWardenInventory

/// What a service's answer says about the key that asked.
public enum ServiceAnswer: Sendable, Hashable {
    /// The service accepted the key and said who it belongs to.
    case live(ServiceKeyDescription)
    /// The service rejected the key: revoked, expired or wrong. The reason is the service's error
    /// code or status, never the body (some bodies echo part of the key).
    case rejected(String)
    /// Worth one more try (rate limit, server fault); `retryAfter` when the service said how long.
    case retryable(String, retryAfter: Duration?)
    /// An answer that says neither (an unexpected status, a body of the wrong shape).
    case undetermined(String)

    /// The answers every service shares, by status: 2xx is read by `live`, 401 is a rejected
    /// key, 429 and 5xx are retried, anything else is undetermined. Verifiers handle their own
    /// special cases (Slack's `ok: false`, AWS's 403 codes) before falling back to this.
    public static func byStatus(_ response: HTTPResponse, now: Date, live: (Data) throws -> ServiceKeyDescription) -> ServiceAnswer {
        switch response.status {
        case 200..<300:
            do { return .live(try live(response.body)) } catch { return .undetermined("malformed answer: \(error)") }
        case 401: return .rejected("HTTP 401: the key was rejected")
        case 429: return .retryable("HTTP 429: rate limited", retryAfter: RateLimitHeaders.retryAfter(response, now: now))
        case 300..<400: return .undetermined("HTTP \(response.status) redirect not followed: the key is sent only to the configured host")
        case 500..<600: return .retryable("HTTP \(response.status) from the service", retryAfter: nil)
        default: return .undetermined("unexpected HTTP \(response.status)")
        }
    }
}

/// A live key as its service describes it, in the words a report shows.
public struct ServiceKeyDescription: Sendable, Hashable {
    /// "token", "key", "restricted key".
    public var kind: String
    /// The user, account, workspace or principal the key acts as.
    public var identity: String?
    /// The scopes or permissions the service reported, as it names them.
    public var scopes: [String]?
    /// Further facts for the summary line ("lists 12 models", "test mode").
    public var details: [String]

    public init(kind: String, identity: String? = nil, scopes: [String]? = nil, details: [String] = []) {
        self.kind = kind
        self.identity = identity
        self.scopes = scopes
        self.details = details
    }
}

/// A server-chosen text made safe for a message: no control characters, at most 120 characters.
enum ServiceText {
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(120)))
    }

    /// A comma-separated header value as a sorted list (`X-OAuth-Scopes: repo, workflow`).
    static func list(_ header: String?) -> [String] {
        (header ?? "").split(separator: ",").map { printable($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }.sorted()
    }
}
