import Foundation
import KeyWardenSupport

/// Binance: lowercase hex HMAC-SHA256 over the query string (and body), sent as `signature`.
public struct BinanceSigner: Sendable {
    let secret: String

    public init(secret: String) { self.secret = secret }

    public func signature(payload: String) -> String {
        HMACDigest.sha256(key: Data(secret.utf8), payload).hexString
    }
}
