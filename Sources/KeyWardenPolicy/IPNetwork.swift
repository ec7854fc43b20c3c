import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 network in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`); a bare address
/// is a network of one (`/32`, `/128`). Used for a policy's allowed networks and for the
/// addresses a key is bound to.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// The network address with host bits cleared: 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]
    public let prefixLength: Int
    /// True when the text had bits set past the prefix (`10.0.0.1/8`): legal, but usually a typo.
    public let hadHostBits: Bool

    public var isIPv6: Bool { bytes.count == 16 }
    /// `0.0.0.0/0` or `::/0`: binding to it is binding to nothing.
    public var isEverything: Bool { prefixLength == 0 }

    /// Parses `address[/prefix]`; nil for anything that is not an address or has a prefix out of range.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let address = IPNetwork.address(String(parts[0])) else { return nil }
        let maximum = address.count * 8
        var prefix = maximum
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
                  let value = Int(parts[1]), value <= maximum else { return nil }
            prefix = value
        }
        let masked = IPNetwork.mask(address, prefix)
        bytes = masked
        prefixLength = prefix
        hadHostBits = masked != address
    }

    public var description: String {
        let text: String
        if isIPv6 {
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            var raw = in6_addr()
            withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes) }
            text = inet_ntop(AF_INET6, &raw, &buffer, socklen_t(buffer.count)) != nil
                ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        } else {
            text = bytes.map(String.init).joined(separator: ".")
        }
        return "\(text)/\(prefixLength)"
    }

    /// True when every address of `other` is in this network (same address family only).
    public func contains(_ other: IPNetwork) -> Bool {
        guard other.bytes.count == bytes.count, other.prefixLength >= prefixLength else { return false }
        return IPNetwork.mask(other.bytes, prefixLength) == bytes
    }

    private static func address(_ text: String) -> [UInt8]? {
        if text.contains(":") {
            var raw = in6_addr()
            guard inet_pton(AF_INET6, text, &raw) == 1 else { return nil }
            return withUnsafeBytes(of: raw) { Array($0) }
        }
        // Parsed by hand: inet_pton accepts no leading zeros on some platforms and does on others.
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var result: [UInt8] = []
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = UInt8(octet) else { return nil }
            result.append(value)
        }
        return result
    }

    private static func mask(_ bytes: [UInt8], _ prefix: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bitsKept = min(max(prefix - index * 8, 0), 8)
            return bitsKept == 8 ? byte : byte & UInt8(truncatingIfNeeded: 0xFF << (8 - bitsKept))
        }
    }
}
