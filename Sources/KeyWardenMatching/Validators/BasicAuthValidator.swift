import Foundation

/// Base64 of `user:password` as Docker's `config.json` `auths` and HTTP Basic use it: decodes to
/// printable text with a colon separating a non-empty user from a non-empty password that is not
/// a placeholder. Docker writes it padded, but hand-written and generated configs often drop the
/// `=` padding, which Docker accepts, so both are decoded.
public struct BasicAuthValidator: SecretValidator {
    public static let name = "basic-auth"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let decoded = Base64Text.decode(secret), decoded.count >= 3,
              let colon = decoded.firstIndex(of: UInt8(ascii: ":"))
        else { return false }
        guard colon > decoded.startIndex, colon < decoded.endIndex - 1 else { return false }
        return !PlaceholderFilter.isPlaceholder(String(decoding: decoded[(colon + 1)...], as: UTF8.self))
    }
}

/// Standard base64, padded or not, that decodes to printable ASCII.
enum Base64Text {
    static func decode(_ encoded: [UInt8]) -> [UInt8]? {
        var text = encoded
        while text.last == UInt8(ascii: "=") { text.removeLast() }
        guard !text.isEmpty, text.count % 4 != 1 else { return nil }
        text += Array(repeating: UInt8(ascii: "="), count: (4 - text.count % 4) % 4)
        guard let decoded = Data(base64Encoded: Data(text)), !decoded.isEmpty,
              decoded.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        else { return nil }
        return Array(decoded)
    }
}
