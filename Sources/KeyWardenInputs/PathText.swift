#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names and paths as text. A name is bytes: when they are UTF-8 it is that text, else each
/// byte that is not part of a valid sequence is written `\xNN`. The directory walk and git's
/// listings (history, staged changes, HEAD's tree, ignored files) and archive members all name files this one way, so
/// a file has the same path in every kind of scan, a baseline or an ignore rule made in one
/// applies in the others, and two names that differ only in invalid bytes stay apart.
package enum PathText {
    package static func display(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var text = ""
        var rest = Array(bytes)[...]
        next: while let first = rest.first {
            // The shortest valid sequence here (a scalar is 1 to 4 bytes), else one escaped byte.
            for length in 1...min(4, rest.count) {
                if let piece = String(validating: rest.prefix(length), as: UTF8.self) {
                    text += piece
                    rest = rest.dropFirst(length)
                    continue next
                }
            }
            text += "\\x" + (first < 0x10 ? "0" : "") + String(first, radix: 16, uppercase: true)
            rest = rest.dropFirst()
        }
        return text
    }

    /// A NUL-terminated name from C (an archive member's path), as `display` names it.
    package static func display(cString: UnsafePointer<CChar>) -> String {
        display(UnsafeRawBufferPointer(start: cString, count: strlen(cString)))
    }
}
