/// A whole password hash in crypt(5) notation, or Apache's `{SHA}`: the scheme's own salt and
/// hash lengths (md5-crypt and apr1 22 characters, sha256-crypt 43, sha512-crypt 86, bcrypt a
/// two-digit cost then 53, yescrypt and scrypt 43, phpass 31). Checked here rather than in the
/// pattern: exact-length alternatives made the Hyperscan database markedly slower to scan.
public struct CryptHashValidator: SecretValidator {
    public static let name = "crypt-hash"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        let text = String(decoding: secret, as: UTF8.self)
        if text.hasPrefix("{SHA}") { return text.utf8.count == 33 }
        let fields = text.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 3, fields[0].isEmpty, fields.dropFirst(2).allSatisfy(Self.isCryptText) else { return false }
        let last = fields[fields.count - 1]
        switch fields[1] {
        case "1", "apr1":
            return fields.count == 4 && (1...8).contains(fields[2].count) && last.count == 22
        case "5", "6":
            let salted = fields.count == 5 && fields[2].hasPrefix("rounds=") ? Array(fields.dropFirst(3)) : Array(fields.dropFirst(2))
            guard salted.count == 2, (1...16).contains(salted[0].count) else { return false }
            return salted[1].count == (fields[1] == "5" ? 43 : 86)
        case "2a", "2b", "2x", "2y":
            return fields.count == 4 && fields[2].count == 2 && fields[2].allSatisfy(\.isNumber) && last.count == 53
        case "y":
            return fields.count == 5 && !fields[2].isEmpty && !fields[3].isEmpty && last.count == 43
        case "7":
            return fields.count == 4 && fields[2].count >= 11 && last.count == 43
        case "P", "H":
            return fields.count == 3 && last.count == 31
        default:
            return false
        }
    }

    private static func isCryptText(_ field: String) -> Bool {
        field.hasPrefix("rounds=") || field.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
        }
    }
}
