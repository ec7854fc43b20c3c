import Foundation

/// Bitget v2: base64(HMAC-SHA256(secret, timestamp(ms) + METHOD + path(+?query) + body)).
public struct BitgetSigner: Sendable {
    let secret: String

    public init(secret: String) { self.secret = secret }

    public func signature(timestamp: String, method: String, requestPath: String, body: String = "") -> String {
        HMACDigest.sha256(key: Data(secret.utf8), timestamp + method.uppercased() + requestPath + body).base64EncodedString()
    }
}
