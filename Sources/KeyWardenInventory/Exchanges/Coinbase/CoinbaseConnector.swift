import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Coinbase Advanced Trade: the calling key from `/api/v3/brokerage/key_permissions`, with a
/// CDP JWT (ES256) per request.
public struct CoinbaseConnector: SigningConnector {
    public static let provider = Provider.coinbase
    public static let documentedBaseURL = URL(string: "https://api.coinbase.com")!
    static let keyPermissions = ReadEndpoint.get("/api/v3/brokerage/key_permissions")
    static let serverTimeEndpoint = ReadEndpoint.get("/api/v3/brokerage/time")
    public static let allowedEndpoints = [keyPermissions, serverTimeEndpoint]

    let session: ExchangeSession
    let credentials: APICredentials
    let signer: CoinbaseJWTSigner

    public init(session: ExchangeSession, credentials: APICredentials, options: ConnectorOptions) throws(FetchFailure) {
        do {
            signer = try CoinbaseJWTSigner(keyName: credentials.apiKey, privateKeyPEM: credentials.secret)
        } catch {
            throw FetchFailure(.coinbase, .configuration, error.description)
        }
        self.session = session
        self.credentials = credentials
    }

    public func fetchKeys(account: String) async throws(FetchFailure) -> [KeyRecord] {
        let body = try await signedJSON(Self.keyPermissions)
        return [try mapped(Self.keyPermissions) { () throws(MalformedResponse) in
            try CoinbaseKeyMapping.callingKey(body, keyName: credentials.apiKey, account: account)
        }]
    }

    func sign(_ parts: RequestParts, at now: Date) throws -> RequestParts {
        guard parts.endpoint != Self.serverTimeEndpoint else { return parts }  // public
        var signed = parts
        let token = try signer.token(method: parts.method, path: parts.path, now: now, nonce: CoinbaseJWTSigner.randomNonce())
        signed.headers = ["Authorization": "Bearer " + token]
        return signed
    }

    func classify(_ response: HTTPResponse) -> ResponseOutcome {
        let body = try? JSONCursor.parse(response.body)
        let message = (try? body?.optional("message")?.text()) ?? (try? body?.optional("error")?.text())
        switch response.status {
        case 401:
            return .fatal(FetchFailure(.coinbase, .authentication, code: "401",
                                       "the JWT was rejected: check the key name and its EC private key, and that the clock is right"))
        case 403:
            return .fatal(FetchFailure(.coinbase, .permission, code: "403", "this key is not allowed to read its permissions (or not from this IP)"))
        default:
            return CommonOutcome.fallback(.coinbase, response, now: session.now, detail: CommonOutcome.detail(message))
        }
    }

    func serverTime(from body: JSONCursor) throws(MalformedResponse) -> Date {
        guard let date = try body.field("epochSeconds").epochSeconds() else { throw MalformedResponse(path: "$.epochSeconds", "zero") }
        return date
    }
}
