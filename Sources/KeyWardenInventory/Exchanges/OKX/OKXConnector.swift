import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// OKX v5: the calling key from `/account/config`; for a main-account key, every sub-account
/// (paged by creation time) and its keys.
public struct OKXConnector: SigningConnector {
    public static let provider = Provider.okx
    public static let documentedBaseURL = URL(string: "https://www.okx.com")!
    static let config = ReadEndpoint.get("/api/v5/account/config")
    static let subAccountList = ReadEndpoint.get("/api/v5/users/subaccount/list")
    static let subAccountKeys = ReadEndpoint.get("/api/v5/users/subaccount/apikey")
    static let serverTimeEndpoint = ReadEndpoint.get("/api/v5/public/time")
    public static let allowedEndpoints = [config, subAccountList, subAccountKeys, serverTimeEndpoint]
    public static let callingKeyEndpoints = [config, serverTimeEndpoint]

    /// What each documented error code means for the person running keywarden.
    static let errors: [String: (FetchFailure.Kind, String)] = [
        "50105": (.authentication, "the passphrase is wrong for this key"),
        "50110": (.permission, "this key is not allowed from this IP"),
        "50111": (.authentication, "the API key is invalid"),
        "50113": (.authentication, "the signature was rejected: check the API secret"),
        "50119": (.authentication, "no such API key"),
        "50120": (.permission, "this key does not have the permission for this request"),
    ]

    let session: ExchangeSession
    let credentials: APICredentials
    let options: ConnectorOptions
    let signer: OKXSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) throws(FetchFailure) {
        guard credentials.passphrase != nil else { throw FetchFailure(.okx, .configuration, SigningError.missingPassphrase(.okx).description) }
        self.session = session
        self.credentials = credentials
        self.options = options
        self.signer = OKXSigner(secret: credentials.secret)
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        let config = try await signedJSON(Self.config)
        let (own, isMain) = try mapped(Self.config) { () throws(MalformedResponse) in
            guard let entry = try config.field("data").array().first else { throw MalformedResponse(path: "$.data", "empty") }
            return (try OKXKeyMapping.callingKey(entry, keyId: credentials.apiKey, account: account), try OKXKeyMapping.isMainAccount(entry))
        }
        guard isMain, !options.callingKeyOnly else { return [own] }
        let subAccounts = try await paginate(options, first: nil) { (after: String?) async throws(FetchFailure) -> ([String], String?) in
            var query = [("limit", String(options.pageSize))]
            if let after { query.append(("after", after)) }
            let page = try await signedJSON(Self.subAccountList, query: query)
            let entries = try mapped(Self.subAccountList) { () throws(MalformedResponse) in try OKXKeyMapping.subAccounts(page.field("data")) }
            // A short page is the last one; otherwise the next page starts before the oldest entry seen.
            return (entries.map(\.name), entries.count < options.pageSize ? nil : entries.last?.created)
        }
        var keys = [own]
        for name in subAccounts {
            let response = try await signedJSON(Self.subAccountKeys, query: [("subAcct", name)])
            keys += try mapped(Self.subAccountKeys) { () throws(MalformedResponse) in
                try OKXKeyMapping.subAccountKeys(response.field("data"), subAccount: name, account: account)
            }
        }
        return keys
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        var signed = parts
        let timestamp = OKXSigner.timestamp(now)
        signed.headers = [
            "OK-ACCESS-KEY": credentials.apiKey,
            "OK-ACCESS-SIGN": signer.signature(timestamp: timestamp, method: parts.method, requestPath: parts.requestPath, body: parts.body),
            "OK-ACCESS-TIMESTAMP": timestamp,
            "OK-ACCESS-PASSPHRASE": credentials.passphrase ?? "",
            "Content-Type": "application/json",
        ]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        let body = try? JSONCursor.parse(response.body)
        let code = try? body?.optional("code")?.text()
        let message = try? body?.optional("msg")?.text()
        if response.status == 429 || code == "50011" || code == "50061" {
            return .rateLimited(retryAfter: RateLimitHeaders.retryAfter(response, now: session.now), reason: "rate limit reached (\(code ?? "HTTP 429"))")
        }
        if code == "50102" || code == "50112" { return .clockSkew(reason: "request timestamp expired (\(code!))") }
        if let code, let (kind, text) = Self.errors[code] { return .fatal(FetchFailure(.okx, kind, code: code, text)) }
        if let code, code != "0", response.status < 500 {
            return .fatal(FetchFailure(.okx, .server, code: code, message ?? "the request was refused"))
        }
        return CommonOutcome.fallback(.okx, response, now: session.now, detail: CommonOutcome.detail(message))
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let entry = try body.field("data").array().first, let date = try entry.field("ts").epochMilliseconds() else {
            throw MalformedResponse(path: "$.data[0].ts", "missing")
        }
        return date
    }
}
