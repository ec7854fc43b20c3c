import Foundation
import KeyWardenSupport

/// A JSON Web Token: three base64url segments whose header decodes to a JSON object naming an `alg`.
/// Random dotted base64 that merely looks like a token is rejected.
public struct JWTValidator: SecretValidator {
    public static let name = "jwt"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        let parts = secret.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3,
              let header = Base64URL.decode(String(decoding: parts[0], as: UTF8.self)),
              let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any],
              object["alg"] is String,
              Base64URL.decode(String(decoding: parts[1], as: UTF8.self)) != nil
        else { return false }
        return true
    }
}
