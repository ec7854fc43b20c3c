#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Buffered reads from a pipe: delimited tokens and exact byte counts. git's streams (log,
/// cat-file) are large; reading them through one reused buffer avoids a copy per object.
final class PipeReader {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private(set) var isAtEnd = false

    init(descriptor: Int32, capacity: Int = 256 * 1024) {
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() -> Bool {
        if isAtEnd { return false }
        if start > 0 {
            // Keep the unread tail at the front so the buffer never grows while tokens are short.
            if start < end { buffer.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: $0.baseAddress! + start, byteCount: end - start) } }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + end, $0.count - end) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                isAtEnd = true
                return false
            }
            end += count
            return true
        }
    }

    /// The bytes up to (not including) the next `delimiter`, or the rest of the stream; nil at its end.
    func token(until delimiter: UInt8) -> [UInt8]? {
        var searchFrom = start
        while true {
            if let index = buffer[searchFrom..<end].firstIndex(of: delimiter) {
                let token = Array(buffer[start..<index])
                start = index + 1
                return token
            }
            searchFrom = end - start
            guard fill() else {
                guard start < end else { return nil }
                let token = Array(buffer[start..<end])
                start = end
                return token
            }
            searchFrom = max(start, searchFrom + start)
        }
    }

    /// Exactly `count` bytes into `destination` (resized), false if the stream ends first.
    func read(exactly count: Int, into destination: inout [UInt8]) -> Bool {
        destination.removeAll(keepingCapacity: true)
        destination.reserveCapacity(count)
        while destination.count < count {
            if start == end && !fill() { return false }
            let take = min(count - destination.count, end - start)
            destination.append(contentsOf: buffer[start..<(start + take)])
            start += take
        }
        return true
    }

    /// Skips `count` bytes without keeping them, false if the stream ends first.
    func skip(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            if start == end && !fill() { return false }
            let take = min(left, end - start)
            start += take
            left -= take
        }
        return true
    }

    /// Everything left in the stream.
    func readToEnd() -> [UInt8] {
        while fill() {}
        defer { start = end }
        return Array(buffer[start..<end])
    }

    /// Drains the rest of the stream (so the writer never blocks on a full pipe).
    func drain() {
        start = end
        while fill() { start = end }
    }
}
