/// Base62 with digits, then uppercase, then lowercase letters: the alphabet of GitHub's token checksums.
package enum Base62 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `value` in base62, left-padded with '0' to `width` characters.
    package static func encode(_ value: UInt64, width: Int) -> [UInt8] {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(alphabet[Int(rest % 62)])
            rest /= 62
        } while rest > 0
        while digits.count < width { digits.append(alphabet[0]) }
        return digits.reversed()
    }
}
