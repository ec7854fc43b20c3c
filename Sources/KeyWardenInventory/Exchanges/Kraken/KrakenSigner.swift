import Crypto
import Foundation

/// Kraken: base64(HMAC-SHA512(base64decode(secret), uriPath + SHA256(nonce + postData))).
public struct KrakenSigner: Sendable {
    let key: Data

    public init(secret: String) throws(SigningError) {
        guard let key = Data(base64Encoded: secret), !key.isEmpty else { throw .secretNotBase64(.kraken) }
        self.key = key
    }

    public func signature(path: String, nonce: String, postData: String) -> String {
        let inner = Data(SHA256.hash(data: Data((nonce + postData).utf8)))
        return HMACDigest.sha512(key: key, Data(path.utf8) + inner).base64EncodedString()
    }
}
