import Foundation
import KeyWardenInventory

/// Slack: `auth.test` says which workspace and user (or bot) a token acts as; the token's
/// scopes come back in `X-OAuth-Scopes`. Slack answers HTTP 200 with `ok: false` and an error
/// code for a bad token.
public struct SlackVerifier: ServiceVerifier {
    public let service = Service.slack
    public let rules: Set<String> = ["slack-token", "slack-legacy-bot-token"]
    public let documentedBaseURL = URL(string: "https://slack.com")!
    public let endpoint = ServiceEndpoint("POST", "/api/auth.test")

    /// The error codes that mean the token itself is no good (Slack's auth.test documentation).
    static let rejectedCodes: Set<String> = ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
                                             "no_permission", "org_login_required", "ekm_access_denied"]

    public init() {}

    public func request(_ credential: ServiceCredential, to url: URL, at now: Date) throws -> HTTPRequest {
        HTTPRequest(method: endpoint.method, url: url, headers: ["Authorization": "Bearer \(credential.secret)",
                                                                 "Content-Type": "application/x-www-form-urlencoded"], body: Data())
    }

    public func read(_ response: HTTPResponse, for credential: ServiceCredential, now: Date) -> ServiceAnswer {
        if response.status == 200, let body = try? JSONCursor.parse(response.body), (try? body.field("ok").flag()) == false {
            let code = ServiceText.printable((try? body.field("error").string()) ?? "unknown_error")
            if code == "ratelimited" { return .retryable("rate limited by Slack", retryAfter: RateLimitHeaders.retryAfter(response, now: now)) }
            return Self.rejectedCodes.contains(code) ? .rejected("Slack: \(code)") : .undetermined("Slack: \(code)")
        }
        return .byStatus(response, now: now) { data in
            let body = try JSONCursor.parse(data)
            let team = try body.field("team").string(), user = try body.field("user").string()
            let bot = body.optional("bot_id").flatMap { try? $0.string() }
            let scopes = response.header("x-oauth-scopes").map(ServiceText.list)
            var details: [String] = []
            if let scopes { details.append(scopes.isEmpty ? "no scopes" : "scopes: \(scopes.joined(separator: " "))") }
            return ServiceKeyDescription(kind: bot == nil ? "user token" : "bot token",
                                         identity: "\(ServiceText.printable(user)) in workspace \(ServiceText.printable(team))",
                                         scopes: scopes, details: details)
        }
    }
}
