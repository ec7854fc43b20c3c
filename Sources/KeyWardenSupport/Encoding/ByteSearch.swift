extension UnsafeBufferPointer<UInt8> {
    /// Whether `needle` occurs in these bytes, by a plain loop: on hot paths (every candidate of
    /// every rule) both Foundation's `contains` (locale-aware) and the standard library's generic
    /// collection search (generic metadata instantiated per call) cost a tenth of a scan or more.
    public func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard count >= needle.count else { return false }
        for start in 0...(count - needle.count) where self[start] == first {
            var offset = 1
            while offset < needle.count, self[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }
}

extension Array<UInt8> {
    /// `containsBytes` on the array's storage.
    public func containsBytes(_ needle: [UInt8]) -> Bool { withUnsafeBufferPointer { $0.containsBytes(needle) } }
}

extension UInt8 {
    /// The byte with an ASCII capital made lower case; every other byte as it is.
    @inlinable
    public var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
