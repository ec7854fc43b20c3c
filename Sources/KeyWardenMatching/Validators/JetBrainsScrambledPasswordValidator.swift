/// A password as JetBrains IDEs store it in `WebServers.xml` and older deployment settings:
/// each character XORed with 0xDFAA and written as four hex digits (IntelliJ's
/// `PasswordUtil.encodePassword`). It must unscramble to printable text that is not a placeholder.
public struct JetBrainsScrambledPasswordValidator: SecretValidator {
    public static let name = "jetbrains-scrambled-password"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let plain = Self.unscramble(secret), plain.count >= 4 else { return false }
        return !PlaceholderFilter.isPlaceholder(String(decoding: plain, as: UTF8.self))
    }

    static func unscramble(_ secret: [UInt8]) -> [UInt8]? {
        guard !secret.isEmpty, secret.count % 4 == 0 else { return nil }
        var plain: [UInt8] = []
        var index = 0
        while index < secret.count {
            guard let unit = UInt16(String(decoding: secret[index..<(index + 4)], as: UTF8.self), radix: 16) else { return nil }
            let character = unit ^ 0xDFAA
            guard character >= 0x20, character < 0x7F else { return nil }
            plain.append(UInt8(character))
            index += 4
        }
        return plain
    }
}
