import Foundation
import KeyWardenSupport

/// PyPI API tokens: `pypi-` + base64url of a version-2 macaroon. Its binary framing starts with
/// the version byte 2, then a location field (type 1) naming `pypi.org` or `test.pypi.org`,
/// then the identifier field (type 2). A value of the right alphabet but not a macaroon fails.
public struct PyPIMacaroonValidator: SecretValidator {
    public static let name = "pypi-macaroon"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard secret.starts(with: Array("pypi-".utf8)), let data = Base64URL.decode(String(decoding: secret.dropFirst(5), as: UTF8.self)) else {
            return false
        }
        var reader = FieldReader(bytes: Array(data))
        guard reader.byte() == 2, let location = reader.field(type: 1), let _ = reader.field(type: 2) else { return false }
        return location == Array("pypi.org".utf8) || location == Array("test.pypi.org".utf8)
    }

    /// Reads macaroon v2 fields: a type byte, a varint length, the data.
    private struct FieldReader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func field(type: UInt8) -> [UInt8]? {
            guard byte() == type else { return nil }
            var length = 0
            var shift = 0
            while let next = byte() {
                length |= Int(next & 0x7F) << shift
                if next & 0x80 == 0 {
                    guard length > 0, offset + length <= bytes.count else { return nil }
                    defer { offset += length }
                    return Array(bytes[offset..<(offset + length)])
                }
                shift += 7
                if shift > 28 { return nil }
            }
            return nil
        }
    }
}
