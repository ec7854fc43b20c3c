import Foundation
import KeyWardenInventory

/// AWS: `sts:GetCallerIdentity` names the account and principal of a key pair; it needs no
/// permission (an explicit deny cannot block it), so any working pair answers. Signed with
/// SigV4 for the global endpoint (region us-east-1). STS answers in XML.
public struct AWSVerifier: ServiceVerifier {
    public let service = Service.aws
    /// The secret's rules: the grouper reports a pair at its secret with the key id beside it.
    /// A key id found alone (`aws-access-key-id`) is listed so it is reported as incomplete.
    public let rules: Set<String> = ["aws-secret-access-key", "aws-secret-key-setting", "aws-access-key-id"]
    public let documentedBaseURL = URL(string: "https://sts.amazonaws.com")!
    public let endpoint = ServiceEndpoint("GET", "/?Action=GetCallerIdentity&Version=2011-06-15")

    /// Error codes STS returns for a key that does not work (wrong secret, unknown or deleted key, expired).
    static let rejectedCodes: Set<String> = ["InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken",
                                             "UnrecognizedClientException", "InvalidAccessKeyId"]

    public init() {}

    public func missing(_ credential: ServiceCredential) -> String? {
        guard let keyId = credential.keyId, !keyId.isEmpty else { return "no AWS secret access key paired with an access key id (both are needed to sign)" }
        if keyId == credential.secret { return "no AWS secret access key found near the access key id" }
        // ASIA keys are temporary: they sign only together with their session token.
        if keyId.hasPrefix("ASIA") { return "a temporary (ASIA) key also needs its session token" }
        return nil
    }

    public func request(_ credential: ServiceCredential, to url: URL, at now: Date) throws -> HTTPRequest {
        let headers = ["Accept": "application/xml"]
        let signer = SigV4Signer(accessKeyId: credential.keyId ?? "", secretAccessKey: credential.secret, region: "us-east-1", service: "sts")
        return HTTPRequest(method: endpoint.method, url: url,
                           headers: headers.merging(signer.sign(method: endpoint.method, url: url, headers: headers, at: now)) { $1 })
    }

    public func read(_ response: HTTPResponse, for credential: ServiceCredential, now: Date) -> ServiceAnswer {
        let body = String(decoding: response.body, as: UTF8.self)
        if (400..<500).contains(response.status), let code = Self.element("Code", in: body) {
            if code == "Throttling" { return .retryable("rate limited by AWS (Throttling)", retryAfter: nil) }
            return Self.rejectedCodes.contains(code) ? .rejected("AWS: \(ServiceText.printable(code))") : .undetermined("AWS: \(ServiceText.printable(code))")
        }
        return .byStatus(response, now: now) { _ in
            guard let arn = Self.element("Arn", in: body), let account = Self.element("Account", in: body) else {
                throw MalformedResponse(path: "GetCallerIdentityResult", "no Arn or Account")
            }
            return ServiceKeyDescription(kind: "key", identity: ServiceText.printable(arn), details: ["account \(ServiceText.printable(account))"])
        }
    }

    /// The text of the first `<name>` element: STS's answers are flat, small and fixed in shape.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else { return nil }
        return String(xml[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
