/// The `openssh-key-v1` container (OpenSSH PROTOCOL.key): magic, cipher and KDF names, KDF
/// options, the key count, the public keys and the private section, each length-prefixed.
enum OpenSSHPrivateKey {
    static let magic = Array("openssh-key-v1\u{0}".utf8)

    /// Whether every declared length fits in the data and the private section is there.
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: magic) else { return false }
        var offset = magic.count
        func string() -> ArraySlice<UInt8>? {
            guard let length = uint32() else { return nil }
            guard offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return bytes[offset..<(offset + length)]
        }
        func uint32() -> Int? {
            guard offset + 4 <= bytes.count else { return nil }
            defer { offset += 4 }
            return bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        guard string() != nil, string() != nil, string() != nil, let keys = uint32(), (1...16).contains(keys) else { return false }
        for _ in 0..<keys where string() == nil { return false }
        guard let secret = string() else { return false }
        // The private section is padded to the cipher's block size (8 unencrypted): never empty.
        return secret.count >= 8 && offset == bytes.count
    }
}
