/// A whole PuTTY private key file (`PuTTY-User-Key-File-2` or `-3`): the `Public-Lines` and
/// `Private-Lines` counts must match the base64 lines that follow them, and the private part must
/// end in a `Private-MAC`. A file cut short, or one that only carries the public half, is not a
/// usable key and is not reported.
public struct PuTTYPrivateKeyValidator: SecretValidator {
    public static let name = "putty-private-key"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        let lines = secret.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        guard let publicHeader = lines.firstIndex(where: { $0.hasPrefix("Public-Lines: ") }),
              let privateHeader = lines.firstIndex(where: { $0.hasPrefix("Private-Lines: ") }),
              publicHeader < privateHeader,
              Self.counted(lines, header: publicHeader, prefix: "Public-Lines: "),
              Self.counted(lines, header: privateHeader, prefix: "Private-Lines: ")
        else { return false }
        let count = Int(lines[privateHeader].dropFirst("Private-Lines: ".count))!
        let macLine = privateHeader + count + 1
        return macLine < lines.count && lines[macLine].hasPrefix("Private-MAC: ")
    }

    /// Whether the `count` lines after `header` are base64 and the next one is not.
    private static func counted(_ lines: [String], header: Int, prefix: String) -> Bool {
        guard let count = Int(lines[header].dropFirst(prefix.count)), count > 0, header + count < lines.count else { return false }
        let body = lines[(header + 1)...(header + count)]
        guard body.allSatisfy(isBase64Line) else { return false }
        return header + count + 1 >= lines.count || !isBase64Line(lines[header + count + 1])
    }

    private static func isBase64Line(_ line: String) -> Bool {
        !line.isEmpty && line.utf8.count <= 64 && line.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }
    }
}
