import Foundation
import KeyWardenInventory

/// GitHub: `GET /user` describes the user a token acts as; classic tokens also list their
/// scopes in `X-OAuth-Scopes` (fine-grained tokens send no such header: their permissions are
/// per repository and not reported here).
public struct GitHubVerifier: ServiceVerifier {
    public let service = Service.github
    public let rules: Set<String> = ["github-token", "github-fine-grained-token"]
    public let documentedBaseURL = URL(string: "https://api.github.com")!
    public let endpoint = ServiceEndpoint("GET", "/user")

    public init() {}

    public func request(_ credential: ServiceCredential, to url: URL, at now: Date) throws -> HTTPRequest {
        HTTPRequest(method: endpoint.method, url: url, headers: ["Authorization": "Bearer \(credential.secret)",
                                                                 "Accept": "application/vnd.github+json",
                                                                 "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "keywarden"])
    }

    public func read(_ response: HTTPResponse, for credential: ServiceCredential, now: Date) -> ServiceAnswer {
        if response.status == 403 || response.status == 429, response.header("x-ratelimit-remaining") == "0" {
            return .retryable("rate limited by GitHub", retryAfter: RateLimitHeaders.retryAfter(response, now: now))
        }
        if response.status == 403 {
            // Accepted but refused this path: app installation tokens have no user to describe.
            return .undetermined("HTTP 403: GitHub would not describe a user for this token (an app installation token?)")
        }
        return .byStatus(response, now: now) { body in
            let user = try JSONCursor.parse(body)
            let login = try user.field("login").string()
            let type = (try? user.field("type").string()).map { $0 == "User" ? "user" : $0.lowercased() } ?? "user"
            let scopes = response.header("x-oauth-scopes").map(ServiceText.list)
            var details: [String] = []
            if let scopes { details.append(scopes.isEmpty ? "no scopes" : "scopes: \(scopes.joined(separator: " "))") }
            return ServiceKeyDescription(kind: "token", identity: "\(type) \(ServiceText.printable(login))", scopes: scopes, details: details)
        }
    }
}
