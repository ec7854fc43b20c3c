import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Bybit v5: the calling key from `/v5/user/query-api`; for a master key, every sub-member
/// (cursor-paged) and its keys (cursor-paged).
public struct BybitConnector: SigningConnector {
    public static let provider = Provider.bybit
    public static let documentedBaseURL = URL(string: "https://api.bybit.com")!
    static let queryAPI = ReadEndpoint.get("/v5/user/query-api")
    static let subMembers = ReadEndpoint.get("/v5/user/submembers")
    static let subAPIKeys = ReadEndpoint.get("/v5/user/sub-apikeys")
    static let serverTimeEndpoint = ReadEndpoint.get("/v5/market/time")
    public static let allowedEndpoints = [queryAPI, subMembers, subAPIKeys, serverTimeEndpoint]
    public static let callingKeyEndpoints = [queryAPI, serverTimeEndpoint]
    static let recvWindow = "5000"

    static let errors: [String: (FetchFailure.Kind, String)] = [
        "10003": (.authentication, "the API key is invalid"),
        "10004": (.authentication, "the signature was rejected: check the API secret"),
        "10005": (.permission, "this key does not have the permission for this request"),
        "10010": (.permission, "this key is not allowed from this IP"),
        "33004": (.authentication, "the API key has expired"),
    ]

    let session: ExchangeSession
    let credentials: APICredentials
    let options: ConnectorOptions
    let signer: BybitSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) {
        self.session = session
        self.credentials = credentials
        self.options = options
        self.signer = BybitSigner(apiKey: credentials.apiKey, secret: credentials.secret)
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        let response = try await signedJSON(Self.queryAPI)
        let (own, isMaster) = try mapped(Self.queryAPI) { () throws(MalformedResponse) in
            let result = try response.field("result")
            return (try BybitKeyMapping.key(result, account: account, fallbackKeyId: credentials.apiKey),
                    try result.optional("isMaster")?.flag() ?? false)
        }
        guard isMaster, !options.callingKeyOnly else { return [own] }
        let members = try await paginate(options, first: nil) { (cursor: String?) async throws(FetchFailure) -> ([(uid: String, name: String)], String?) in
            var query = [("pageSize", String(options.pageSize))]
            if let cursor { query.append(("nextCursor", cursor)) }
            let page = try await signedJSON(Self.subMembers, query: query)
            let (members, next) = try mapped(Self.subMembers) { () throws(MalformedResponse) in try BybitKeyMapping.subMembers(page.field("result")) }
            return (members, next == "0" ? nil : next)
        }
        var keys = [own]
        for member in members {
            let subAccount = member.name.isEmpty ? member.uid : member.name
            keys += try await paginate(options, first: nil) { (cursor: String?) async throws(FetchFailure) -> ([KeyRecord], String?) in
                var query = [("subMemberId", member.uid), ("limit", String(min(options.pageSize, 20)))]
                if let cursor { query.append(("cursor", cursor)) }
                let page = try await signedJSON(Self.subAPIKeys, query: query)
                return try mapped(Self.subAPIKeys) { () throws(MalformedResponse) in
                    let result = try page.field("result")
                    let keys = try result.field("result").array().map { entry throws(MalformedResponse) in
                        try BybitKeyMapping.key(entry, account: account, subAccount: subAccount)
                    }
                    return (keys, try result.optional("nextPageCursor")?.text())
                }
            }
        }
        return keys
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        var signed = parts
        let timestamp = String(Int64(now.timeIntervalSince1970 * 1000))
        signed.headers = [
            "X-BAPI-API-KEY": credentials.apiKey,
            "X-BAPI-TIMESTAMP": timestamp,
            "X-BAPI-RECV-WINDOW": Self.recvWindow,
            "X-BAPI-SIGN": signer.signature(timestamp: timestamp, recvWindow: Self.recvWindow, payload: parts.method == "GET" ? parts.query : parts.body),
        ]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        if response.status == 403 {
            return .fatal(FetchFailure(.bybit, .banned, code: "403",
                                       "this IP is banned (HTTP 403); keywarden stopped and will not retry (wait at least 10 minutes)"))
        }
        let body = try? JSONCursor.parse(response.body)
        let code = try? body?.optional("retCode")?.text()
        let message = try? body?.optional("retMsg")?.text()
        if response.status == 429 || code == "10006" {
            let reset = RateLimitHeaders.untilEpochMilliseconds(response, header: "X-Bapi-Limit-Reset-Timestamp", now: session.now)
            return .rateLimited(retryAfter: reset ?? RateLimitHeaders.retryAfter(response, now: session.now), reason: "rate limit reached (\(code ?? "HTTP 429"))")
        }
        if code == "10002" { return .clockSkew(reason: "request timestamp outside recv_window (10002)") }
        if let code, let (kind, text) = Self.errors[code] { return .fatal(FetchFailure(.bybit, kind, code: code, text)) }
        if let code, code != "0", response.status < 500 {
            return .fatal(FetchFailure(.bybit, .server, code: code, message ?? "the request was refused"))
        }
        return CommonOutcome.fallback(.bybit, response, now: session.now, detail: CommonOutcome.detail(message))
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let date = try body.field("time").epochMilliseconds() else { throw MalformedResponse(path: "$.time", "zero") }
        return date
    }
}
