import Crypto
import Foundation

/// Gate v4: hex(HMAC-SHA512(secret, METHOD\nPATH\nQUERY\nhex(SHA512(body))\nTIMESTAMP)).
public struct GateSigner: Sendable {
    let secret: String

    public init(secret: String) { self.secret = secret }

    public func signature(method: String, path: String, query: String, body: String = "", timestamp: String) -> String {
        let bodyHash = SHA512.hash(data: Data(body.utf8)).hexString
        let text = [method.uppercased(), path, query, bodyHash, timestamp].joined(separator: "\n")
        return HMACDigest.sha512(key: Data(secret.utf8), Data(text.utf8)).hexString
    }
}
