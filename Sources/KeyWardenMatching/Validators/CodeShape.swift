import KeyWardenSupport
/// Recognises values that are code rather than data: what an assignment-shaped rule captures
/// when the right-hand side is an expression (`credentials.passphrase`, `signer.sign(body)`,
/// `P256.Signing.PrivateKey`).
enum CodeShape {
    static let namingWords: [[UInt8]] = ["key", "token", "secret", "passw", "credential"].map { Array($0.utf8) }

    /// A call, a dotted chain of identifiers (member access, type paths), or a value naming what
    /// it is (`...PrivateKey`, `callbackToken`): a random secret contains "key", "token", "secret"
    /// or "password" by chance about once in a thousand.
    static func isExpression(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(UInt8(ascii: "(")) || bytes.contains(UInt8(ascii: ")")) { return true }
        if isIdentifierChain(bytes), bytes.contains(UInt8(ascii: ".")) { return true }
        let lowered = bytes.map(\.asciiLowercased)
        return namingWords.contains(where: lowered.containsBytes)
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
