import CPCRE2
import KeyWardenRules
import KeyWardenSupport

/// A pattern PCRE2 rejected, with its message and the offset in the pattern.
public struct PCRE2Error: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let offset: Int

    public var description: String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix(Int(max(count, 0))), as: UTF8.self) + " at pattern offset \(offset)"
    }
}
