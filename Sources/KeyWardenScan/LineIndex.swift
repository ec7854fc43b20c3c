#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte offsets in a buffer to 1-based lines and columns. Built only for buffers that have
/// matches, so clean files never pay for it.
///
/// Minified files and test-vector JSON put hundreds of findings on one multi-megabyte line, so
/// both the newline search (memchr) and the column count (resumed from the previous position on
/// the same line, since findings come in increasing order) avoid rescanning the line.
final class LineIndex {
    /// Offset of the first byte of each line.
    private let lineStarts: [Int]
    /// The last position computed: line, offset and its column.
    private var checkpoint: (line: Int, offset: Int, column: Int) = (-1, 0, 1)

    init(_ buffer: UnsafeRawBufferPointer) {
        var starts = [0]
        if let base = buffer.baseAddress {
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
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
        var from = lineStarts[line], column = 1
        if checkpoint.line == line, checkpoint.offset <= offset {
            from = checkpoint.offset
            column = checkpoint.column
        }
        for index in from..<offset where buffer[index] & 0xC0 != 0x80 { column += 1 }
        checkpoint = (line, offset, column)
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
