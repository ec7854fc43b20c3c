import Foundation
import KeyWardenInventory

/// OpenAI: `GET /v1/models` answers any working key. A restricted key without the model read
/// permission gets 403 "insufficient permissions": the key works, for what it was granted.
public struct OpenAIVerifier: ServiceVerifier {
    public let service = Service.openai
    public let rules: Set<String> = ["openai-api-key"]
    public let documentedBaseURL = URL(string: "https://api.openai.com")!
    public let endpoint = ServiceEndpoint("GET", "/v1/models")

    public init() {}

    public func request(_ credential: ServiceCredential, to url: URL, at now: Date) throws -> HTTPRequest {
        HTTPRequest(method: endpoint.method, url: url, headers: ["Authorization": "Bearer \(credential.secret)"])
    }

    public func read(_ response: HTTPResponse, for credential: ServiceCredential, now: Date) -> ServiceAnswer {
        let error = (try? JSONCursor.parse(response.body)).flatMap { $0.optional("error") }
        let code = error.flatMap { $0.optional("code") }.flatMap { try? $0.string() }
        if response.status == 403, let message = error.flatMap({ $0.optional("message") }).flatMap({ try? $0.string() }),
           message.localizedCaseInsensitiveContains("insufficient permissions") || message.localizedCaseInsensitiveContains("missing scopes") {
            return .live(ServiceKeyDescription(kind: "restricted key", details: ["cannot list models"]))
        }
        if response.status == 429, code == "insufficient_quota" {
            return .live(ServiceKeyDescription(kind: "key", details: ["no quota left"]))
        }
        return .byStatus(response, now: now) { data in
            let models = try JSONCursor.parse(data).field("data").array()
            return ServiceKeyDescription(kind: "key", details: ["lists \(models.count) models"])
        }
    }
}
