import KeyWardenSupport
/// For literals assigned to a credential name (`DB_PASSWORD=admin123`, `$db_pass = 's3cr3t';`):  keywarden:allow reason="documented example" owner=keywarden until=2099-12-31
/// accepts low-entropy values, because real passwords people hard-code often are, but rejects
/// what such an assignment holds when it is not a secret:
/// - code (`CodeShape`: calls, member chains, values naming what they are);
/// - numbers, booleans and null-like words;
/// - file paths (`/run/secrets/db`, `./keys/app.pem`, `~/.ssh/id_ed25519`);
/// - format strings and template markers (`%s`, `{0}`, `$1`);
/// - single words: a value needs at least two of lower case, upper case, digits and symbols,
///   so `password: "required"` (a validation message) is not a password.
public struct CredentialLiteralValidator: SecretValidator {
    public static let name = "credential-literal"
    public init() {}

    static let nonSecretWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "nil", "none", "undefined"]

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard secret.count >= 6, !CodeShape.isExpression(secret) else { return false }
        let text = String(decoding: secret, as: UTF8.self)
        if Self.nonSecretWords.contains(text.lowercased()) { return false }
        if secret.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }) { return false }
        if Self.isPath(text) || Self.isFormatString(secret) { return false }
        return Self.characterClasses(secret) >= 2
    }

    static func isPath(_ text: String) -> Bool {
        ["/", "./", "../", "~/", "file:"].contains { text.hasPrefix($0) } || (text.count > 2 && text.dropFirst().hasPrefix(":\\"))
    }

    static let formatMarkers = ["%s", "%d", "%v", "{0}", "{}", "$1"].map { Array($0.utf8) }

    /// Searched in the bytes, as the markers below are: Foundation's `String.contains` (through
    /// NSString) was a tenth of a scan where findings are dense.
    static func isFormatString(_ secret: [UInt8]) -> Bool { formatMarkers.contains(where: secret.containsBytes) }

    static func characterClasses(_ secret: [UInt8]) -> Int {
        var lower = false, upper = false, digit = false, symbol = false
        for byte in secret {
            switch byte {
            case 0x61...0x7A: lower = true
            case 0x41...0x5A: upper = true
            case 0x30...0x39: digit = true
            default: symbol = true
            }
        }
        return [lower, upper, digit, symbol].filter { $0 }.count
    }
}

/// For an unquoted value after a credential name (`password: dipPr13Gg!` in YAML, INI, a README
/// or a log): what `credential-literal` accepts, less what unquoted text holds more often than
/// quoted code does. Without quotes the value's own shape must carry more of the evidence:
/// - words and identifiers (`secretName: tls-cert`, `token: short-lived`, `bypass: Enabled`)
///   name something: the value needs a digit or a symbol other than `-`, `_` and `.`;
/// - URLs (`tokenUrl: https://…`), YAML tags (`password: !vault`), optional types and attributes
///   (`secret: String?`, `@unchecked`), standards (`CRC-32`) and elided values (`0f6d…`) are
///   not secrets.
public struct UnquotedCredentialValidator: SecretValidator {
    public static let name = "credential-unquoted"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard CredentialLiteralValidator().isValid(secret) else { return false }
        let text = String(decoding: secret, as: UTF8.self)
        if secret.containsBytes(Self.urlMarker) { return false }
        if text.hasPrefix("!"), text.dropFirst().allSatisfy({ $0 == "!" || $0.isLetter }) { return false }
        if Self.isTypeOrAnnotation(text) || Self.isStandardName(text) || Self.isIdentifier(text) || text.hasSuffix(":") { return false }
        // An elided value (`0f6d…`, `AKIA...`) is an example in prose, not the secret.
        if Self.elisions.contains(where: secret.containsBytes) { return false }
        // A word or an identifier (`Enabled`, `PwPolicy`, `tls-cert`) names something; a
        // password holds a digit or a symbol beyond the separators identifiers use.
        return secret.contains { (0x30...0x39).contains($0) || !(Self.identifierBytes.contains($0) || Self.isLetter($0)) }
    }

    /// `String?`, `Data!`, `Self.Token?` (an optional type after `secret:` in Swift, Kotlin or
    /// TypeScript) and `@unchecked`, `@Sendable` (attributes, decorators, mentions).
    static func isTypeOrAnnotation(_ text: String) -> Bool {
        if text.hasPrefix("@") { return text.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } }
        // A type is CamelCase from an upper-case letter (`Int64?`); `!` (implicitly unwrapped)
        // takes letters only, so `Summer2024!` stays a password.
        guard let mark = text.last, mark == "?" || mark == "!" else { return false }
        let core = text.dropLast()
        guard let first = core.first, first.isUppercase else { return false }
        let letters = core.prefix { $0.isLetter || $0 == "." }
        let digits = core.dropFirst(letters.count)
        return mark == "?" ? digits.allSatisfy(\.isNumber) : digits.isEmpty
    }

    /// A name from code rather than a value: `UInt64`, `ASN1OctetString`, `NIOHTTP2Error` (types
    /// after `token:` in a signature), `SHA256_DIGEST_LENGTH`, `secret_key_v2`. CamelCase names are
    /// two or more parts, each an acronym or a word of three or more letters, with at most two short
    /// digit groups; snake and constant names are words and numbers joined by `_`. Generated
    /// passwords break these (`Tr0ub4dor3x`, `IhqSb1Gg`, `AIhq5Xyb1Gga9Q0`), and a word with a
    /// year (`Summer2024`) is one part.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, text.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }) else {
            return false
        }
        if text.contains("_") {
            // Each part all letters or all digits: `secret_key_v2` is, `p4ss_w0rd` is not.
            let parts = text.split(separator: "_")
            return parts.count >= 2 && parts.allSatisfy { part in
                let letters = part.prefix(while: \.isLetter)
                let digits = part.dropFirst(letters.count)
                return digits.allSatisfy(\.isNumber) && (letters.isEmpty || digits.count <= 3)
            }
        }
        var tokens: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            var end = text.index(after: index)
            let character = text[index]
            if character.isNumber {
                while end < text.endIndex, text[end].isNumber { end = text.index(after: end) }
            } else if character.isUppercase {
                // An acronym runs until the capital that starts the next word (`HTTPError`).
                while end < text.endIndex, text[end].isUppercase,
                      text.index(after: end) == text.endIndex || !text[text.index(after: end)].isLowercase {
                    end = text.index(after: end)
                }
                if end < text.endIndex, text[end].isLowercase, end == text.index(after: index) {
                    while end < text.endIndex, text[end].isLowercase { end = text.index(after: end) }
                }
            } else {
                while end < text.endIndex, text[end].isLowercase { end = text.index(after: end) }
            }
            tokens.append(text[index..<end])
            index = end
        }
        let words = tokens.filter { $0.contains(where: \.isLowercase) }
        let digitGroups = tokens.filter { $0.first!.isNumber }
        let letterParts = tokens.count - digitGroups.count
        return letterParts >= 2 && words.allSatisfy { $0.count >= 3 } && digitGroups.count <= 2 && digitGroups.allSatisfy { $0.count <= 3 }
    }

    /// `CRC-32`, `SHA-256`, `UTF-8`, `AES-128`: a standard's name and number, in prose about keys.
    static func isStandardName(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && (2...8).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isUppercase }
            && !parts[1].isEmpty && parts[1].count <= 5 && parts[1].allSatisfy { $0.isNumber || $0 == "." }
    }

    static let urlMarker = Array("://".utf8)
    static let elisions = [Array("…".utf8), Array("...".utf8)]
    static let identifierBytes: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80 }
}
