/// For catch-all rules: rejects values that are code rather than secrets. Measured on the real
/// code of the Swift package mirror, where the catch-all's findings were mostly
/// `typealias PrivateKey = P256.Signing.PrivateKey`, `password: self.configuration.password`
/// and `tokenStart = expectedToken.position`:
/// - a value with no digit (identifiers; random 16+ character secrets almost always have one);
/// - a dotted chain of identifiers (member access, type paths);
/// - a value naming what it is (`...PrivateKey`, `callbackToken`): a random secret contains
///   "key", "token", "secret" or "password" by chance about once in a thousand.
public struct GenericSecretValueValidator: SecretValidator {
    public static let name = "not-code"
    public init() {}

    static let namingWords: [[UInt8]] = ["key", "token", "secret", "passw", "credential"].map { Array($0.utf8) }

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard secret.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        if Self.isIdentifierChain(secret), secret.contains(UInt8(ascii: ".")) { return false }
        let lowered = secret.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return !Self.namingWords.contains { word in
            lowered.count >= word.count && (0...(lowered.count - word.count)).contains { lowered[$0..<($0 + word.count)].elementsEqual(word) }
        }
    }

    /// `a.b.c` where every segment is an identifier: [A-Za-z_][A-Za-z0-9_]*.
    static func isIdentifierChain(_ bytes: [UInt8]) -> Bool {
        for segment in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard let first = segment.first, first == UInt8(ascii: "_") || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else { return false }
            guard segment.allSatisfy({ $0 == UInt8(ascii: "_") || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) else {
                return false
            }
        }
        return true
    }
}
