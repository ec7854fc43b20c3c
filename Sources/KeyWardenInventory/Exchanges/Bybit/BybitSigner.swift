import Foundation

/// Bybit v5: lowercase hex HMAC-SHA256 over timestamp + apiKey + recvWindow + (query or body).
public struct BybitSigner: Sendable {
    let apiKey: String
    let secret: String

    public init(apiKey: String, secret: String) {
        self.apiKey = apiKey
        self.secret = secret
    }

    public func signature(timestamp: String, recvWindow: String, payload: String) -> String {
        HMACDigest.sha256(key: Data(secret.utf8), timestamp + apiKey + recvWindow + payload).hexString
    }
}
