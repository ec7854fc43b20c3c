import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Reads the API keys of one exchange account through read-only endpoints.
public protocol ExchangeConnector {
    static var provider: Provider { get }
    /// HTTPS to the exchange's documented host.
    static var documentedBaseURL: URL { get }
    /// Every endpoint this connector may call; the session refuses any other.
    static var allowedEndpoints: [ReadEndpoint] { get }
    /// The endpoints used with `ConnectorOptions.callingKeyOnly` (verification of a found key).
    static var callingKeyEndpoints: [ReadEndpoint] { get }

    init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) throws(FetchFailure)

    /// The keys of the account, sub-account keys included where the exchange lists them.
    func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord]
}

extension ExchangeConnector {
    /// Connectors that describe only the calling key anyway use all their endpoints.
    public static var callingKeyEndpoints: [ReadEndpoint] { allowedEndpoints }
}

/// Knobs shared by the connectors.
public struct ConnectorOptions: Sendable {
    /// Page size for paginated listings (sub-accounts, sub-account keys).
    public var pageSize: Int
    /// Stop following pages after this many, so a misbehaving server cannot loop forever.
    public var maxPages: Int
    /// Describe only the key that signs (verification of a found key): a main-account key's
    /// sub-accounts are not listed, so nothing beyond the key itself is asked for.
    public var callingKeyOnly: Bool

    public init(pageSize: Int = 100, maxPages: Int = 1000, callingKeyOnly: Bool = false) {
        self.pageSize = pageSize
        self.maxPages = maxPages
        self.callingKeyOnly = callingKeyOnly
    }
}

/// The plumbing every connector shares: sign, send through the session, parse JSON, and turn a
/// response of the wrong shape into a clear failure.
protocol SigningConnector: ExchangeConnector {
    var session: ExchangeSession { get }
    var credentials: APICredentials { get }
    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts
    func classify(_ response: HTTPResponse) -> ResponseOutcome
    /// The public endpoint that tells the exchange's time, for the clock-skew retry.
    static var serverTimeEndpoint: ReadEndpoint { get }
    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date
}

extension SigningConnector {
    func signedJSON(_ endpoint: ReadEndpoint, query: [(String, String)] = [], body: String = "") async throws(FetchFailure) -> JSONCursor {
        let data = try await session.send(RequestParts(endpoint: endpoint, query: query, body: body), sign: sign, classify: classify,
                                          serverTime: { () async throws(FetchFailure) -> Date in try await fetchServerTime() })
        return try parse(data, from: endpoint)
    }

    func fetchServerTime() async throws(FetchFailure) -> Date {
        let endpoint = Self.serverTimeEndpoint
        let data = try await session.send(RequestParts(endpoint: endpoint), sign: { parts, _ in parts }, classify: classify)
        let body = try parse(data, from: endpoint)
        return try mapped(endpoint) { () throws(MalformedResponse) in try serverTime(from: body) }
    }

    func parse(_ data: Data, from endpoint: ReadEndpoint) throws(FetchFailure) -> JSONCursor {
        try mapped(endpoint) { () throws(MalformedResponse) in try JSONCursor.parse(data) }
    }

    /// Runs a mapping, reporting a shape mismatch as a malformed response from `endpoint`.
    func mapped<T>(_ endpoint: ReadEndpoint, _ body: () throws(MalformedResponse) -> T) throws(FetchFailure) -> T {
        do {
            return try body()
        } catch {
            throw FetchFailure(Self.provider, .malformedResponse, "malformed response from \(endpoint): \(error)")
        }
    }

    /// Pages through a listing: `page(cursor)` returns items and the next cursor (nil when done).
    func paginate<Item>(_ options: ConnectorOptions, first: String?, _ page: (String?) async throws(FetchFailure) -> ([Item], String?)) async throws(FetchFailure) -> [Item] {
        var items: [Item] = []
        var cursor = first
        var seen: Set<String> = []
        for _ in 0..<options.maxPages {
            let (batch, next) = try await page(cursor)
            items += batch
            guard let next, !next.isEmpty, !seen.contains(next) else { return items }
            seen.insert(next)
            cursor = next
        }
        throw FetchFailure(Self.provider, .malformedResponse, "pagination did not end after \(options.maxPages) pages")
    }
}

/// Decisions every exchange shares, applied after its own error codes.
enum CommonOutcome {
    static func fallback(_ provider: Provider, _ response: HTTPResponse, now: Date, detail: String) -> ResponseOutcome {
        switch response.status {
        case 200..<300: return .success(response.body)
        case 429: return .rateLimited(retryAfter: RateLimitHeaders.retryAfter(response, now: now), reason: "HTTP 429 too many requests")
        case 401: return .fatal(FetchFailure(provider, .authentication, "HTTP 401: the key was rejected\(detail)"))
        case 403: return .fatal(FetchFailure(provider, .permission, "HTTP 403: the key is not allowed to do this\(detail)"))
        case 300..<400:
            // The transport never follows redirects: a signed request goes only where it was built for.
            let target = response.header("Location").map { " to \(printable($0))" } ?? ""
            return .fatal(FetchFailure(provider, .server, "HTTP \(response.status) redirect\(target) not followed: signed requests "
                                       + "(key, passphrase, signature) are sent only to the configured host"))
        case 500..<600: return .transient(reason: "HTTP \(response.status) from the exchange\(detail)")
        default: return .fatal(FetchFailure(provider, .server, "unexpected HTTP \(response.status)\(detail)"))
        }
    }

    /// A server-chosen text for a message: no control characters (they could forge terminal
    /// output), at most 200 characters.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200)))
    }

    static func detail(_ message: String?) -> String {
        guard let message, !message.isEmpty else { return "" }
        return " (\(message.prefix(200)))"
    }
}
