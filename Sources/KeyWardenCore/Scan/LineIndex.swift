/// Maps byte offsets in a buffer to 1-based lines and columns. Built only for buffers that have
/// matches, so clean files never pay for it.
struct LineIndex {
    /// Offset of the first byte of each line.
    private let lineStarts: [Int]

    init(_ buffer: UnsafeRawBufferPointer) {
        var starts = [0]
        for (offset, byte) in buffer.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// 0-based line number holding `offset`.
    func lineNumber(at offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line and column; columns count Unicode code points (UTF-8 lead bytes), matching
    /// SARIF's `unicodeCodePoints` column kind. Invalid UTF-8 bytes count one each.
    func position(of offset: Int, in buffer: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        let line = lineNumber(at: offset)
        var column = 1
        for index in lineStarts[line]..<offset where buffer[index] & 0xC0 != 0x80 { column += 1 }
        return (line + 1, column)
    }

    /// Byte range of a 0-based line, without its newline.
    func lineRange(_ line: Int, in buffer: UnsafeRawBufferPointer) -> Range<Int> {
        guard line >= 0, line < lineStarts.count else { return 0..<0 }
        let start = lineStarts[line]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : buffer.count
        return start..<max(start, end)
    }
}
