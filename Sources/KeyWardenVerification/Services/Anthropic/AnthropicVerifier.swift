import Foundation
import KeyWardenInventory

/// Anthropic: `GET /v1/models` with `x-api-key` and the `anthropic-version` header every
/// request must carry.
public struct AnthropicVerifier: ServiceVerifier {
    public let service = Service.anthropic
    public let rules: Set<String> = ["anthropic-api-key"]
    public let documentedBaseURL = URL(string: "https://api.anthropic.com")!
    public let endpoint = ServiceEndpoint("GET", "/v1/models")
    static let apiVersion = "2023-06-01"

    public init() {}

    public func request(_ credential: ServiceCredential, to url: URL, at now: Date) throws -> HTTPRequest {
        HTTPRequest(method: endpoint.method, url: url, headers: ["x-api-key": credential.secret, "anthropic-version": Self.apiVersion])
    }

    public func read(_ response: HTTPResponse, for credential: ServiceCredential, now: Date) -> ServiceAnswer {
        if response.status == 529 { return .retryable("Anthropic is overloaded (HTTP 529)", retryAfter: nil) }
        return .byStatus(response, now: now) { data in
            let models = try JSONCursor.parse(data).field("data").array()
            return ServiceKeyDescription(kind: "key", details: ["lists \(models.count) models"])
        }
    }
}
