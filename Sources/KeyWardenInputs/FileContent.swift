#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file for scanning, refusing what must not be scanned: files over the size
/// limit and binary files (a NUL byte in the first 8 KiB, the heuristic git and grep use).
package enum FileContent {
    static let binaryProbeLength = 8 * 1024

    package enum Outcome {
        case text([UInt8])
        case skipped(SkippedInput.Reason)
    }

    package static func read(path: String, maxSize: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .skipped(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .skipped(.unreadable(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .skipped(.notRegularFile) }
        let size = Int(info.st_size)
        guard size <= maxSize else { return .skipped(.tooLarge(size: size, limit: maxSize)) }
        // Read straight into uninitialised storage: zero-filling first would write every byte twice.
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { storage, initialized in
            var filled = 0
            // The size can change while we read; read what is there, up to the size seen.
            while filled < size {
                let count = systemRead(descriptor, storage.baseAddress! + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if failure != 0 { return .skipped(.unreadable(String(cString: strerror(failure)))) }
        if isBinary(bytes) { return .skipped(.binary) }
        return .text(bytes)
    }

    /// Reads a stream to its end (standard input: a pipe has no size to check first), refusing it
    /// once it passes `maxSize` rather than holding an unbounded amount in memory.
    package static func read(descriptor: Int32, maxSize: Int) -> Outcome {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .skipped(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            guard bytes.count + count <= maxSize else { return .skipped(.tooLarge(size: bytes.count + count, limit: maxSize)) }
            bytes += chunk[..<count]
        }
        if isBinary(bytes) { return .skipped(.binary) }
        return .text(bytes)
    }

    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(binaryProbeLength).contains(0)
    }
}

/// `read(2)` under a name that the `read` methods above do not shadow, on Linux and macOS alike.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
