import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Binance: the calling key's restrictions from `/sapi/v1/account/apiRestrictions` (USER_DATA).
public struct BinanceConnector: SigningConnector {
    public static let provider = Provider.binance
    public static let documentedBaseURL = URL(string: "https://api.binance.com")!
    static let apiRestrictions = ReadEndpoint.get("/sapi/v1/account/apiRestrictions")
    static let serverTimeEndpoint = ReadEndpoint.get("/api/v3/time")
    public static let allowedEndpoints = [apiRestrictions, serverTimeEndpoint]
    static let recvWindow = "5000"

    static let errors: [String: (FetchFailure.Kind, String)] = [
        "-1022": (.authentication, "the signature was rejected: check the API secret"),
        "-2014": (.authentication, "the API key format is invalid"),
        "-2015": (.permission, "the API key, the calling IP or the key's permissions were rejected"),
        "-2008": (.authentication, "the API key is invalid"),
    ]

    let session: ExchangeSession
    let credentials: APICredentials
    let signer: BinanceSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) {
        self.session = session
        self.credentials = credentials
        self.signer = BinanceSigner(secret: credentials.secret)
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        let body = try await signedJSON(Self.apiRestrictions)
        return [try mapped(Self.apiRestrictions) { () throws(MalformedResponse) in
            try BinanceKeyMapping.callingKey(body, keyId: credentials.apiKey, account: account)
        }]
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        var signed = parts
        let timing = QueryString.encode([("recvWindow", Self.recvWindow), ("timestamp", String(Int64(now.timeIntervalSince1970 * 1000)))])
        let payload = parts.query.isEmpty ? timing : parts.query + "&" + timing
        signed.query = payload + "&signature=" + signer.signature(payload: payload + parts.body)
        signed.headers = ["X-MBX-APIKEY": credentials.apiKey]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        if response.status == 418 {
            return .fatal(FetchFailure(.binance, .banned, code: "418",
                                       "this IP is banned for ignoring rate limits; keywarden stopped and will not retry (wait for the ban to expire)"))
        }
        let body = try? JSONCursor.parse(response.body)
        let code = try? body?.optional("code")?.text()
        let message = try? body?.optional("msg")?.text()
        if response.status == 429 {
            return .rateLimited(retryAfter: RateLimitHeaders.retryAfter(response, now: session.now), reason: "request weight limit reached (HTTP 429)")
        }
        if code == "-1021" { return .clockSkew(reason: "request timestamp outside recvWindow (-1021)") }
        if let code, let (kind, text) = Self.errors[code] { return .fatal(FetchFailure(.binance, kind, code: code, text)) }
        if let code, response.status >= 400, response.status < 500 {
            return .fatal(FetchFailure(.binance, .server, code: code, message ?? "the request was refused"))
        }
        return CommonOutcome.fallback(.binance, response, now: session.now, detail: CommonOutcome.detail(message))
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let date = try body.field("serverTime").epochMilliseconds() else { throw MalformedResponse(path: "$.serverTime", "zero") }
        return date
    }
}
