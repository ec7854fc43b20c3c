import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Gate v4: the calling key from `/api/v4/account/detail`.
public struct GateConnector: SigningConnector {
    public static let provider = Provider.gate
    public static let documentedBaseURL = URL(string: "https://api.gateio.ws")!
    static let accountDetail = ReadEndpoint.get("/api/v4/account/detail")
    static let serverTimeEndpoint = ReadEndpoint.get("/api/v4/spot/time")
    public static let allowedEndpoints = [accountDetail, serverTimeEndpoint]

    static let errors: [String: (FetchFailure.Kind, String)] = [
        "INVALID_KEY": (.authentication, "the API key is invalid"),
        "INVALID_SIGNATURE": (.authentication, "the signature was rejected: check the API secret"),
        "MISSING_REQUIRED_HEADER": (.authentication, "the request was not signed"),
        "IP_FORBIDDEN": (.permission, "this key is not allowed from this IP"),
        "FORBIDDEN": (.permission, "this key does not have the permission for this request"),
        "READ_ONLY": (.permission, "this key is read-only"),
    ]

    let session: ExchangeSession
    let credentials: APICredentials
    let signer: GateSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) {
        self.session = session
        self.credentials = credentials
        self.signer = GateSigner(secret: credentials.secret)
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        let body = try await signedJSON(Self.accountDetail)
        return [try mapped(Self.accountDetail) { () throws(MalformedResponse) in
            try GateKeyMapping.callingKey(body, keyId: credentials.apiKey, account: account)
        }]
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        guard parts.endpoint != Self.serverTimeEndpoint else { return parts }
        var signed = parts
        let timestamp = String(Int64(now.timeIntervalSince1970))
        signed.headers = [
            "KEY": credentials.apiKey,
            "Timestamp": timestamp,
            "SIGN": signer.signature(method: parts.method, path: parts.path, query: parts.query, body: parts.body, timestamp: timestamp),
            "Accept": "application/json",
        ]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        let body = try? JSONCursor.parse(response.body)
        let label = try? body?.optional("label")?.text()
        let message = try? body?.optional("message")?.text()
        if response.status == 429 || label == "TOO_MANY_REQUESTS" {
            let reset = RateLimitHeaders.untilEpochMilliseconds(response, header: "X-Gate-RateLimit-Reset-Timestamp", now: session.now)
            return .rateLimited(retryAfter: reset ?? RateLimitHeaders.retryAfter(response, now: session.now), reason: "rate limit reached (\(label ?? "HTTP 429"))")
        }
        if label == "REQUEST_EXPIRED" { return .clockSkew(reason: "request timestamp too far from server time (REQUEST_EXPIRED)") }
        if let label, let (kind, text) = Self.errors[label] { return .fatal(FetchFailure(.gate, kind, code: label, text)) }
        if let label, response.status >= 400, response.status < 500 {
            return .fatal(FetchFailure(.gate, .server, code: label, message ?? "the request was refused"))
        }
        return CommonOutcome.fallback(.gate, response, now: session.now, detail: CommonOutcome.detail(message))
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let date = try body.field("server_time").epochMilliseconds() else { throw MalformedResponse(path: "$.server_time", "zero") }
        return date
    }
}
