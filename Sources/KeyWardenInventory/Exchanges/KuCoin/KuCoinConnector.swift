import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// KuCoin: the calling key from `/api/v1/user/api-key`.
public struct KuCoinConnector: SigningConnector {
    public static let provider = Provider.kucoin
    public static let documentedBaseURL = URL(string: "https://api.kucoin.com")!
    static let apiKey = ReadEndpoint.get("/api/v1/user/api-key")
    static let serverTimeEndpoint = ReadEndpoint.get("/api/v1/timestamp")
    public static let allowedEndpoints = [apiKey, serverTimeEndpoint]

    static let errors: [String: (FetchFailure.Kind, String)] = [
        "400003": (.authentication, "the API key does not exist"),
        "400004": (.authentication, "the passphrase is wrong for this key"),
        "400005": (.authentication, "the signature was rejected: check the API secret"),
        "400006": (.permission, "this key is not allowed from this IP"),
        "400007": (.permission, "this key does not have the permission for this request"),
        "411100": (.permission, "the account is frozen"),
    ]

    let session: ExchangeSession
    let credentials: APICredentials
    let signer: KuCoinSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) throws(FetchFailure) {
        guard credentials.passphrase != nil else { throw FetchFailure(.kucoin, .configuration, SigningError.missingPassphrase(.kucoin).description) }
        self.session = session
        self.credentials = credentials
        self.signer = KuCoinSigner(secret: credentials.secret)
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        let body = try await signedJSON(Self.apiKey)
        return [try mapped(Self.apiKey) { () throws(MalformedResponse) in try KuCoinKeyMapping.key(body.field("data"), account: account) }]
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        var signed = parts
        let timestamp = String(Int64(now.timeIntervalSince1970 * 1000))
        let version = KuCoinSigner.keyVersion
        signed.headers = [
            "KC-API-KEY": credentials.apiKey,
            "KC-API-SIGN": signer.signature(timestamp: timestamp, method: parts.method, requestPath: parts.requestPath, body: parts.body),
            "KC-API-TIMESTAMP": timestamp,
            "KC-API-PASSPHRASE": signer.encryptedPassphrase(credentials.passphrase ?? ""),
            "KC-API-KEY-VERSION": version,
        ]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        let body = try? JSONCursor.parse(response.body)
        let code = try? body?.optional("code")?.text()
        let message = try? body?.optional("msg")?.text()
        if response.status == 429 || code == "429000" {
            let reset = RateLimitHeaders.milliseconds(response, header: "gw-ratelimit-reset")
            return .rateLimited(retryAfter: reset ?? RateLimitHeaders.retryAfter(response, now: session.now), reason: "rate limit reached (\(code ?? "HTTP 429"))")
        }
        if code == "400002" { return .clockSkew(reason: "KC-API-TIMESTAMP out of range (400002)") }
        if let code, let (kind, text) = Self.errors[code] { return .fatal(FetchFailure(.kucoin, kind, code: code, text)) }
        if let code, code != "200000", response.status < 500 {
            return .fatal(FetchFailure(.kucoin, .server, code: code, message ?? "the request was refused"))
        }
        return CommonOutcome.fallback(.kucoin, response, now: session.now, detail: CommonOutcome.detail(message))
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let date = try body.field("data").epochMilliseconds() else { throw MalformedResponse(path: "$.data", "zero") }
        return date
    }
}
