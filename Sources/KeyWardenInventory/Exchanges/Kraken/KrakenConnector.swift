import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Kraken: the calling key from `POST /0/private/GetApiKeyInfo`, the one POST keywarden sends
/// (Kraken's private API accepts nothing else; the endpoint only describes the key).
public struct KrakenConnector: SigningConnector {
    public static let provider = Provider.kraken
    public static let documentedBaseURL = URL(string: "https://api.kraken.com")!
    static let keyInfo = ReadEndpoint.krakenGetApiKeyInfo
    static let serverTimeEndpoint = ReadEndpoint.get("/0/public/Time")
    public static let allowedEndpoints = [keyInfo, serverTimeEndpoint]

    static let errors: [String: (FetchFailure.Kind, String)] = [
        "EAPI:Invalid key": (.authentication, "the API key is invalid"),
        "EAPI:Invalid signature": (.authentication, "the signature was rejected: check the API secret"),
        "EGeneral:Permission denied": (.permission, "this key does not have the permission to describe itself"),
        "EAPI:Feature disabled": (.permission, "this key is not allowed to use this endpoint"),
        "EGeneral:Invalid arguments:IP": (.permission, "this key is not allowed from this IP"),
    ]

    let session: ExchangeSession
    let credentials: APICredentials
    let signer: KrakenSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) throws(FetchFailure) {
        do {
            signer = try KrakenSigner(secret: credentials.secret)
        } catch {
            throw FetchFailure(.kraken, .configuration, error.description)
        }
        self.session = session
        self.credentials = credentials
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        // The nonce goes in the body; `sign` fills it in afresh for every attempt.
        let body = try await signedJSON(Self.keyInfo)
        let now = session.now
        return [try mapped(Self.keyInfo) { () throws(MalformedResponse) in try KrakenKeyMapping.key(body.field("result"), account: account, now: now) }]
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        guard parts.method == "POST" else { return parts }  // public endpoints are unsigned
        var signed = parts
        let nonce = String(Int64(now.timeIntervalSince1970 * 1000))
        signed.body = parts.body.isEmpty ? "nonce=\(nonce)" : "nonce=\(nonce)&" + parts.body
        signed.headers = [
            "API-Key": credentials.apiKey,
            "API-Sign": signer.signature(path: parts.path, nonce: nonce, postData: signed.body),
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        ]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        let body = try? JSONCursor.parse(response.body)
        let errors = (try? body?.optional("error")?.stringList()) ?? []
        if response.status == 429 || errors.contains(where: { $0.contains("Rate limit exceeded") || $0.contains("Throttled") }) {
            return .rateLimited(retryAfter: RateLimitHeaders.retryAfter(response, now: session.now), reason: "rate limit exceeded")
        }
        if errors.contains("EAPI:Invalid nonce") { return .clockSkew(reason: "nonce rejected (EAPI:Invalid nonce)") }
        if let first = errors.first {
            if let (kind, text) = Self.errors[first] { return .fatal(FetchFailure(.kraken, kind, code: first, text)) }
            if first.hasPrefix("EService") { return .transient(reason: "service unavailable (\(first))") }
            return .fatal(FetchFailure(.kraken, .server, code: first, "the request was refused"))
        }
        return CommonOutcome.fallback(.kraken, response, now: session.now, detail: "")
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let date = try body.field("result").field("unixtime").epochSeconds() else { throw MalformedResponse(path: "$.result.unixtime", "zero") }
        return date
    }
}
