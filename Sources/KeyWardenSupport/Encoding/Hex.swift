extension Sequence<UInt8> {
    /// Lowercase hexadecimal, two digits per byte. Inlinable, so it is specialised where it is
    /// used: the generic version's first call looks up its types' conformances at run time.
    @inlinable
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
