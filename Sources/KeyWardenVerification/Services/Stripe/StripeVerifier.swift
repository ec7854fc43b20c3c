import Foundation
import KeyWardenInventory

/// Stripe: `GET /v1/account` names the account a secret key (`sk_`) opens. A restricted key
/// (`rk_`) works only for what it was granted: without account read access Stripe answers 403
/// with a permission error, which still proves the key works.
public struct StripeVerifier: ServiceVerifier {
    public let service = Service.stripe
    public let rules: Set<String> = ["stripe-live-key", "stripe-test-key"]
    public let documentedBaseURL = URL(string: "https://api.stripe.com")!
    public let endpoint = ServiceEndpoint("GET", "/v1/account")

    public init() {}

    public func request(_ credential: ServiceCredential, to url: URL, at now: Date) throws -> HTTPRequest {
        HTTPRequest(method: endpoint.method, url: url, headers: ["Authorization": "Bearer \(credential.secret)"])
    }

    /// "secret key" or "restricted key", and the mode, from the key's documented prefix.
    static func kind(_ secret: String) -> (kind: String, mode: String) {
        (secret.hasPrefix("rk_") ? "restricted key" : "secret key", secret.contains("_live_") ? "live mode" : "test mode")
    }

    public func read(_ response: HTTPResponse, for credential: ServiceCredential, now: Date) -> ServiceAnswer {
        let (kind, mode) = Self.kind(credential.secret)
        let details = [mode]
        if response.status == 403 {
            return .live(ServiceKeyDescription(kind: kind, details: details + ["cannot read the account (restricted permissions)"]))
        }
        return .byStatus(response, now: now) { data in
            let account = try JSONCursor.parse(data)
            let id = try account.field("id").string()
            let name = account.optional("business_profile")?.optional("name").flatMap { try? $0.string() }
            var identity = "account \(ServiceText.printable(id))"
            if let name, !name.isEmpty { identity += " (\(ServiceText.printable(name)))" }
            return ServiceKeyDescription(kind: kind, identity: identity, details: details)
        }
    }
}
