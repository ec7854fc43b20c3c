import Crypto
import Foundation

/// The keyed digests the exchanges sign with, over UTF-8 text.
enum HMACDigest {
    static func sha256(key: Data, _ message: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: key)))
    }

    static func sha512(key: Data, _ message: Data) -> Data {
        Data(HMAC<SHA512>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
