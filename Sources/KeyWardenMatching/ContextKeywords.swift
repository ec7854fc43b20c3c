import KeyWardenSupport
/// Finds a rule's context keywords (the provider a bare value belongs to) in the match or in
/// the few lines before it or later on its line: `okx:` heading a YAML section, `const okxConfig = {`, `OKX_API_KEY=`.
/// A keyword counts only at the start of a word, so `gate` does not match `delegate`, nor `okx`
/// the `7okx` a random value or a base64 run holds by chance (a digit is part of a word, as in
/// `\b`; an underscore is not, so `MY_OKX_KEY` names OKX). After `/` or `+` it counts unless
/// those are inside encoded data: `config/okx/keys.yaml` names OKX, `…ZG/gcSeTT8…` in a base64
/// value does not name Google Cloud Storage.
enum ContextKeywords {
    /// Bytes looked back at most, whatever the line count: minified files have huge lines.
    static let maximumLookback = 2048
    /// Bytes looked at after the match, on its line.
    static let maximumLookahead = 512
    /// Added to the distance of a keyword found after the match, so any keyword before it is nearer.
    static let afterMatchPenalty = 1 << 20

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
                if matches(keyword, at: position, in: buffer), startsWord(at: position, in: buffer) {
                    let distance = match.upperBound - (position + keyword.count)
                    if best == nil || distance < best! { best = distance }
                    break
                }
                position -= 1
            }
        }
        // The rest of the match's line counts too (bounded): `curl -H "Auth: <key>" https://api.provider.com`
        // and JSON service credentials name the provider after the value. A keyword before the
        // value says more (the next entry of a one-line JSON names the next provider), so a
        // keyword after it is only looked for when none precedes, and always ranks behind one.
        guard best == nil else { return best }
        let lineEnd = min(buffer.count, match.upperBound + maximumLookahead)
        var end = match.upperBound
        while end < lineEnd, buffer[end] != 0x0A { end += 1 }
        for keyword in keywords where !keyword.isEmpty && keyword.count <= end - match.upperBound {
            var position = match.upperBound
            while position + keyword.count <= end {
                if matches(keyword, at: position, in: buffer), startsWord(at: position, in: buffer) {
                    let distance = afterMatchPenalty + position - match.upperBound
                    if best == nil || distance < best! { best = distance }
                    break
                }
                position += 1
            }
        }
        return best
    }

    private static func matches(_ keyword: [UInt8], at position: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        for (offset, expected) in keyword.enumerated() where buffer[position + offset].asciiLowercased != expected { return false }
        return true
    }

    /// Whether a keyword at `position` starts a word (see the type's comment).
    static func startsWord(at position: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        guard position > 0 else { return true }
        let before = buffer[position - 1]
        if isAlphanumeric(before) { return false }
        guard before == UInt8(ascii: "/") || before == UInt8(ascii: "+") else { return true }
        return !isInsideEncodedRun(position, in: buffer)
    }

    /// Encoded data around `position`: `encodedRunLength` or more base64 characters in a row,
    /// with a digit and letters in both cases among them. Paths and URLs break at `.`, `-`, `_`
    /// or `:` long before that, or lack digits or one of the cases.
    private static func isInsideEncodedRun(_ position: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        var start = position
        while start > 0, position - start < encodedRunLength, ByteRanges.base64.contains(buffer[start - 1]) { start -= 1 }
        var end = position
        while end < buffer.count, end - start < encodedRunLength, ByteRanges.base64.contains(buffer[end]) { end += 1 }
        guard end - start >= encodedRunLength else { return false }
        var (digit, upper, lower) = (false, false, false)
        for byte in buffer[start..<end] {
            switch byte {
            case 0x30...0x39: digit = true
            case 0x41...0x5A: upper = true
            case 0x61...0x7A: lower = true
            default: break
            }
        }
        return digit && upper && lower
    }

    private static let encodedRunLength = 32

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
