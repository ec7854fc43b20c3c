import Crypto
import Foundation
import KeyWardenSupport

/// AWS Signature Version 4 for a request without a body, the one form `sts:GetCallerIdentity`
/// needs: canonical request, string to sign, the date/region/service-scoped signing key, and
/// the `Authorization` header. Checked against the test values AWS documents (SigV4Tests).
public struct SigV4Signer: Sendable {
    public let accessKeyId: String
    public let secretAccessKey: String
    public let region: String
    public let service: String

    public init(accessKeyId: String, secretAccessKey: String, region: String, service: String) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.service = service
    }

    /// The headers to add to a request to `url` with `headers` already set: `X-Amz-Date` and
    /// `Authorization`. `Host` is signed as the URL gives it (host, and the port when not the
    /// scheme's default), which is what the transport sends.
    public func sign(method: String, url: URL, headers: [String: String] = [:], payload: Data = Data(), at now: Date) -> [String: String] {
        let amzDate = Self.timestamp(now)
        var signed = Dictionary(headers.map { ($0.key.lowercased(), Self.trimmed($0.value)) }, uniquingKeysWith: { first, _ in first })
        signed["host"] = Self.host(url)
        signed["x-amz-date"] = amzDate
        let names = signed.keys.sorted()
        let canonical = [method.uppercased(), Self.canonicalPath(url), Self.canonicalQuery(url),
                         names.map { "\($0):\(signed[$0]!)\n" }.joined(), names.joined(separator: ";"), SHA256.hash(data: payload).hexString]
            .joined(separator: "\n")
        let day = String(amzDate.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, SHA256.hash(data: Data(canonical.utf8)).hexString].joined(separator: "\n")
        let signature = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: SymmetricKey(data: signingKey(day: day))).hexString
        return ["X-Amz-Date": amzDate,
                "Authorization": "AWS4-HMAC-SHA256 Credential=\(accessKeyId)/\(scope), SignedHeaders=\(names.joined(separator: ";")), Signature=\(signature)"]
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    public func signingKey(day: String) -> Data {
        [day, region, service, "aws4_request"].reduce(Data("AWS4\(secretAccessKey)".utf8)) { key, part in
            Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: SymmetricKey(data: key)))
        }
    }

    /// `20150830T123600Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    static func host(_ url: URL) -> String {
        let host = url.host ?? ""
        guard let port = url.port, port != (url.scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// Each path segment URI-encoded once (services other than S3), "/" for an empty path.
    static func canonicalPath(_ url: URL) -> String {
        let path = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        guard !path.isEmpty else { return "/" }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { encode($0.removingPercentEncoding ?? String($0)) }.joined(separator: "/")
    }

    /// Parameters sorted by encoded name, then value; names and values URI-encoded.
    static func canonicalQuery(_ url: URL) -> String {
        guard let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery, !query.isEmpty else { return "" }
        return query.split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).removingPercentEncoding ?? String($0) }
            return (encode(parts[0]), encode(parts.count > 1 ? parts[1] : ""))
        }.sorted { $0 < $1 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// RFC 3986: everything but unreserved characters percent-encoded, hex in upper case.
    static func encode(_ text: String) -> String {
        text.utf8.map { byte -> String in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                String(UnicodeScalar(byte))
            default:
                String(format: "%%%02X", byte)
            }
        }.joined()
    }

    /// Header values trimmed, inner runs of spaces folded to one.
    static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
