/// A request before and after signing: the exchange path, the encoded query exactly as sent,
/// the body and the headers. Signers add headers or query items; nothing else changes it.
public struct RequestParts: Sendable, Hashable {
    public let endpoint: ReadEndpoint
    public var query: String
    public var body: String
    public var headers: [String: String]

    public init(endpoint: ReadEndpoint, query: [(String, String)] = [], body: String = "") {
        self.endpoint = endpoint
        self.query = QueryString.encode(query)
        self.body = body
        self.headers = [:]
    }

    public var method: String { endpoint.method }
    public var path: String { endpoint.path }
    /// Path plus `?query` when there is one: what OKX, KuCoin and Bitget sign.
    public var requestPath: String { query.isEmpty ? path : path + "?" + query }
}

/// `name=value&…` with RFC 3986 percent-encoding, in the order given (signatures depend on it).
public enum QueryString {
    public static func encode(_ items: [(String, String)]) -> String {
        items.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        let allowed = CharacterSetASCII.unreserved
        var out = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

enum CharacterSetASCII {
    static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
