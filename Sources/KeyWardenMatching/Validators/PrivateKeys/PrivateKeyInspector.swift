import Foundation

/// Reads a private-key block as found in text (PEM armour, possibly with JSON `\n` escapes or
/// the one-string-per-line form of notebooks) and tells which key it is. A block whose body
/// does not decode, whose DER or OpenSSH structure is cut short, or that holds a public key is
/// not a private key: nil.
public enum PrivateKeyInspector {
    static let sequence: UInt8 = 0x30
    static let integer: UInt8 = 0x02
    static let octetString: UInt8 = 0x04

    /// Algorithm identifiers (DER-encoded OID contents) of PKCS#8 keys.
    static let algorithms: [[UInt8]: PrivateKeyKind] = [
        [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]: .rsa,       // 1.2.840.113549.1.1.1
        [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A]: .rsa,       // RSASSA-PSS
        [0x2A, 0x86, 0x48, 0xCE, 0x38, 0x04, 0x01]: .dsa,                   // 1.2.840.10040.4.1
        [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]: .ec,                    // 1.2.840.10045.2.1
        [0x2B, 0x65, 0x70]: .ed25519, [0x2B, 0x65, 0x6E]: .x25519,          // 1.3.101.112 / 110
        [0x2B, 0x65, 0x71]: .ed448, [0x2B, 0x65, 0x6F]: .x448,              // 1.3.101.113 / 111
    ]

    public static func kind(of block: [UInt8]) -> PrivateKeyKind? {
        let text = String(decoding: block, as: UTF8.self)
        guard let label = label(in: text), label.hasSuffix("PRIVATE KEY") || label.hasSuffix("PRIVATE KEY BLOCK"),
              text.contains("-----END \(label)-----") else { return nil }
        let body = bodyText(of: text, label: label)
        if label.hasPrefix("PGP ") { return decode(body.base64) == nil ? nil : .pgp }
        if body.headers.contains(where: { $0.hasPrefix("Proc-Type:") && $0.contains("ENCRYPTED") }) {
            return decode(body.base64) == nil ? nil : .encrypted
        }
        guard let der = decode(body.base64) else { return nil }
        switch label {
        case "OPENSSH PRIVATE KEY": return OpenSSHPrivateKey.isComplete(der) ? .openssh : nil
        case "RSA PRIVATE KEY": return pkcs1(der, integers: 9) ? .rsa : nil
        case "DSA PRIVATE KEY": return pkcs1(der, integers: 6) ? .dsa : nil
        case "EC PRIVATE KEY": return sec1(der) ? .ec : nil
        case "ENCRYPTED PRIVATE KEY": return encryptedPKCS8(der) ? .encrypted : nil
        default: return pkcs8(der)
        }
    }

    /// `-----BEGIN <label>-----`
    static func label(in text: String) -> String? {
        guard let begin = text.range(of: "-----BEGIN ") else { return nil }
        guard let end = text[begin.upperBound...].range(of: "-----") else { return nil }
        return String(text[begin.upperBound..<end.lowerBound])
    }

    /// The base64 between the armour lines as code, configuration and logs carry it: escaped
    /// newlines (JSON strings), one quoted string per line joined by `+`, `.` or `&` (Java, C#,
    /// PHP, VB) or by nothing (notebooks), indentation and log prefixes (`2026-04-26 12:36:01 `)
    /// before each line. Each line's body is its last token once quotes, commas and concatenation
    /// operators are gone; `Name: value` header lines are kept apart.
    static func bodyText(of text: String, label: String) -> (base64: String, headers: [String]) {
        guard let begin = text.range(of: "-----BEGIN \(label)-----"),
              let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex) else { return ("", []) }
        let inner = String(text[begin.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "\\r", with: "\n").replacingOccurrences(of: "\\n", with: "\n")
        var base64 = ""
        var headers: [String] = []
        var lines = inner.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        // What precedes `-----END` on its own line is that line's prefix (a log stamp), not body.
        if lines.count > 1, let last = inner.last, last != "\n", last != "\r" { lines.removeLast() }
        for line in lines {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                .map { $0.trimmingCharacters(in: embedding) }
                .filter { !$0.isEmpty && !concatenation.contains($0) }
            guard let last = tokens.last else { continue }
            if let first = tokens.first, first.hasSuffix(":"), first.dropLast().allSatisfy({ $0.isLetter || $0 == "-" }) {
                headers.append(tokens.joined(separator: " "))
                continue
            }
            // An OpenPGP armour checksum line (`=AbCd`) is not part of the body.
            if last.hasPrefix("="), label.hasPrefix("PGP ") { continue }
            base64 += last
        }
        return (base64, headers)
    }

    /// What a string literal around a line of the body adds: quotes, commas, escapes, statement ends.
    static let embedding = CharacterSet(charactersIn: "\",\\;()'`")
    /// Operators that join one line's literal to the next.
    static let concatenation: Set<String> = ["+", ".", "&", "||", "<<", "+="]

    static func decode(_ base64: String) -> [UInt8]? {
        guard base64.count >= 16, let data = Data(base64Encoded: base64) else { return nil }
        return Array(data)
    }

    /// One outer SEQUENCE spanning the whole body, its contents read as `count` elements.
    static func outer(_ der: [UInt8]) -> [DERReader.Element]? {
        var reader = DERReader(der)
        guard let root = reader.next(), root.tag == sequence, reader.isAtEnd else { return nil }
        var inner = DERReader(root.contents)
        var elements: [DERReader.Element] = []
        while !inner.isAtEnd {
            guard let element = inner.next() else { return nil }
            elements.append(element)
        }
        return elements
    }

    /// PKCS#1 RSA (version, n, e, d, p, q, dp, dq, qinv) or OpenSSL's DSA (version, p, q, g, y, x).
    static func pkcs1(_ der: [UInt8], integers: Int) -> Bool {
        guard let elements = outer(der), elements.count >= integers else { return false }
        return elements.prefix(integers).allSatisfy { $0.tag == integer && !$0.contents.isEmpty }
    }

    /// SEC1 `ECPrivateKey`: version 1, the private key as an OCTET STRING.
    static func sec1(_ der: [UInt8]) -> Bool {
        guard let elements = outer(der), elements.count >= 2 else { return false }
        return elements[0].tag == integer && Array(elements[0].contents) == [1] && elements[1].tag == octetString
            && !elements[1].contents.isEmpty
    }

    /// PKCS#8 `PrivateKeyInfo`: version, algorithm identifier, the key as an OCTET STRING.
    static func pkcs8(_ der: [UInt8]) -> PrivateKeyKind? {
        guard let elements = outer(der), elements.count >= 3, elements[0].tag == integer,
              elements[1].tag == sequence, elements[2].tag == octetString, !elements[2].contents.isEmpty else { return nil }
        var algorithm = DERReader(elements[1].contents)
        guard let oid = algorithm.next(), oid.tag == 0x06 else { return nil }
        return algorithms[Array(oid.contents)] ?? .otherPKCS8
    }

    /// PKCS#8 `EncryptedPrivateKeyInfo`: algorithm identifier, the encrypted key.
    static func encryptedPKCS8(_ der: [UInt8]) -> Bool {
        guard let elements = outer(der), elements.count == 2 else { return false }
        return elements[0].tag == sequence && elements[1].tag == octetString && !elements[1].contents.isEmpty
    }
}
