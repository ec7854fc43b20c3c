/// Finds a rule's context keywords (the provider a bare value belongs to) in the match or in
/// the few lines before it: `okx:` heading a YAML section, `const okxConfig = {`, `OKX_API_KEY=`.
/// A keyword counts only at the start of a word, so `gate` does not match `delegate`.
enum ContextKeywords {
    /// Bytes looked back at most, whatever the line count: minified files have huge lines.
    static let maximumLookback = 2048

    /// Distance in bytes from the end of the nearest keyword occurrence to `match.upperBound`,
    /// or nil when no keyword occurs in the window.
    static func distance(of keywords: [[UInt8]], before match: Range<Int>, lines: Int,
                         in buffer: UnsafeRawBufferPointer) -> Int? {
        var start = match.lowerBound
        var newlines = 0
        let floor = max(0, match.lowerBound - maximumLookback)
        while start > floor {
            if buffer[start - 1] == 0x0A {
                newlines += 1
                if newlines > lines { break }
            }
            start -= 1
        }
        var best: Int?
        for keyword in keywords where !keyword.isEmpty {
            var position = match.upperBound - keyword.count
            while position >= start {
                if matches(keyword, at: position, in: buffer), position == 0 || !isLetter(buffer[position - 1]) {
                    let distance = match.upperBound - (position + keyword.count)
                    if best == nil || distance < best! { best = distance }
                    break
                }
                position -= 1
            }
        }
        return best
    }

    private static func matches(_ keyword: [UInt8], at position: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        for (offset, expected) in keyword.enumerated() where lowercased(buffer[position + offset]) != expected { return false }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }
}
