import Foundation

/// KuCoin: base64(HMAC-SHA256(secret, timestamp + METHOD + endpoint(+?query) + body)); for key
/// version 2 and later the passphrase header is itself base64(HMAC-SHA256(secret, passphrase)).
public struct KuCoinSigner: Sendable {
    /// The key version keywarden declares (`KC-API-KEY-VERSION`); versions 2 and 3 sign the passphrase.
    public static let keyVersion = "2"

    let secret: String

    public init(secret: String) { self.secret = secret }

    public func signature(timestamp: String, method: String, requestPath: String, body: String = "") -> String {
        HMACDigest.sha256(key: Data(secret.utf8), timestamp + method.uppercased() + requestPath + body).base64EncodedString()
    }

    public func encryptedPassphrase(_ passphrase: String) -> String {
        HMACDigest.sha256(key: Data(secret.utf8), passphrase).base64EncodedString()
    }
}
