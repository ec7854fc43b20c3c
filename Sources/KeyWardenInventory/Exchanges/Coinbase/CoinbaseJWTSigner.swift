import Crypto
import Foundation

/// Coinbase CDP: a JWT signed with ES256 (P-256), one per request, valid for 120 seconds.
/// Header {alg, kid: key name, nonce, typ}; claims {sub: key name, iss: "cdp", nbf, exp, uri}.
public struct CoinbaseJWTSigner: Sendable {
    /// The host named in the `uri` claim. It stays Coinbase's even behind `--endpoint`, because
    /// a proxy forwards to Coinbase, which checks the claim against its own host.
    public static let uriHost = "api.coinbase.com"

    let keyName: String
    let signingKey: P256.Signing.PrivateKey

    public init(keyName: String, privateKeyPEM: String) throws(SigningError) {
        // Env vars and YAML often carry the PEM with literal "\n"; restore the line breaks.
        let pem = privateKeyPEM.replacingOccurrences(of: "\\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let key = try? P256.Signing.PrivateKey(pemRepresentation: pem) else { throw .secretNotP256PEM(.coinbase) }
        self.keyName = keyName
        self.signingKey = key
    }

    public func token(method: String, path: String, now: Date, nonce: String) throws -> String {
        let header: [String: String] = ["alg": "ES256", "kid": keyName, "nonce": nonce, "typ": "JWT"]
        let issued = Int(now.timeIntervalSince1970)
        let claims = Claims(sub: keyName, iss: "cdp", nbf: issued, exp: issued + 120,
                            uri: "\(method.uppercased()) \(Self.uriHost)\(path)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let signingInput = Self.base64URL(try encoder.encode(header)) + "." + Self.base64URL(try encoder.encode(claims))
        let signature = try signingKey.signature(for: Data(signingInput.utf8))
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    /// A fresh random nonce, as the SDK sends (hex).
    public static func randomNonce() -> String {
        (0..<16).map { _ in UInt8.random(in: 0...255) }.hexString
    }

    struct Claims: Encodable {
        let sub: String
        let iss: String
        let nbf: Int
        let exp: Int
        let uri: String
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
