import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Bitget v2: the calling key from `/api/v2/spot/account/info`.
public struct BitgetConnector: SigningConnector {
    public static let provider = Provider.bitget
    public static let documentedBaseURL = URL(string: "https://api.bitget.com")!
    static let accountInfo = ReadEndpoint.get("/api/v2/spot/account/info")
    static let serverTimeEndpoint = ReadEndpoint.get("/api/v2/public/time")
    public static let allowedEndpoints = [accountInfo, serverTimeEndpoint]

    static let errors: [String: (FetchFailure.Kind, String)] = [
        "40006": (.authentication, "the API key is invalid"),
        "40009": (.authentication, "the signature was rejected: check the API secret"),
        "40011": (.authentication, "the passphrase is wrong for this key"),
        "40012": (.authentication, "the API key or passphrase is wrong"),
        "40014": (.permission, "this key does not have the permission for this request"),
        "40018": (.permission, "this key is not allowed from this IP"),
    ]

    let session: ExchangeSession
    let credentials: APICredentials
    let signer: BitgetSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) throws(FetchFailure) {
        guard credentials.passphrase != nil else { throw FetchFailure(.bitget, .configuration, SigningError.missingPassphrase(.bitget).description) }
        self.session = session
        self.credentials = credentials
        self.signer = BitgetSigner(secret: credentials.secret)
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        let body = try await signedJSON(Self.accountInfo)
        return [try mapped(Self.accountInfo) { () throws(MalformedResponse) in
            try BitgetKeyMapping.callingKey(body.field("data"), keyId: credentials.apiKey, account: account)
        }]
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        guard parts.endpoint != Self.serverTimeEndpoint else { return parts }
        var signed = parts
        let timestamp = String(Int64(now.timeIntervalSince1970 * 1000))
        signed.headers = [
            "ACCESS-KEY": credentials.apiKey,
            "ACCESS-SIGN": signer.signature(timestamp: timestamp, method: parts.method, requestPath: parts.requestPath, body: parts.body),
            "ACCESS-TIMESTAMP": timestamp,
            "ACCESS-PASSPHRASE": credentials.passphrase ?? "",
            "Content-Type": "application/json",
            "locale": "en-US",
        ]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        let body = try? JSONCursor.parse(response.body)
        let code = try? body?.optional("code")?.text()
        let message = try? body?.optional("msg")?.text()
        if response.status == 429 || code == "429" {
            return .rateLimited(retryAfter: RateLimitHeaders.retryAfter(response, now: session.now), reason: "rate limit reached (\(code ?? "HTTP 429"))")
        }
        if code == "40008" || code == "40005" { return .clockSkew(reason: "request timestamp expired (\(code!))") }
        if let code, let (kind, text) = Self.errors[code] { return .fatal(FetchFailure(.bitget, kind, code: code, text)) }
        if let code, code != "00000", response.status < 500 {
            return .fatal(FetchFailure(.bitget, .server, code: code, message ?? "the request was refused"))
        }
        return CommonOutcome.fallback(.bitget, response, now: session.now, detail: CommonOutcome.detail(message))
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let date = try body.field("data").field("serverTime").epochMilliseconds() else { throw MalformedResponse(path: "$.data.serverTime", "zero") }
        return date
    }
}
