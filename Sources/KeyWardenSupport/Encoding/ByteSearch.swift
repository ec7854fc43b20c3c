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
