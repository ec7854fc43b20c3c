#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KeyWardenSupport

/// Reads a whole file for scanning, refusing what must not be scanned: anything but a regular
/// file, files over the size limit and binary files (a NUL byte in the first 8 KiB, the heuristic
/// git and grep use, once UTF-16 and UTF-32 text has been recognised as text).
package enum FileContent {
    static let binaryProbeLength = 8 * 1024
    /// The largest content the matcher takes (its length is a 32-bit count), whatever
    /// --max-file-size says: anything larger is skipped by its size, never read.
    package static let largestScannable = Int(UInt32.max)

    /// The size limit in force: the user's, capped by what the matcher can take.
    package static func limit(_ maxSize: Int) -> Int { min(maxSize, largestScannable) }

    package enum Outcome {
        case text([UInt8])
        case skipped(SkippedInput.Reason)
    }

    package static func read(path: String, maxSize: Int) -> Outcome {
        read(fileSystemPath: Array(path.utf8), maxSize: maxSize)
    }

    /// Reads the file these bytes name (any bytes but NUL, UTF-8 or not).
    package static func read(fileSystemPath: [UInt8], maxSize: Int) -> Outcome {
        read(opening: fileSystemPath[...], in: nil, maxSize: maxSize)
    }

    /// Reads a file the walk found: by its name in its directory when the walk kept that open.
    package static func read(_ entry: DirectorySource.Entry, maxSize: Int) -> Outcome {
        if let directory = entry.directory {
            read(opening: entry.name, in: directory, maxSize: maxSize)
        } else {
            read(fileSystemPath: entry.fileSystemPath, maxSize: maxSize)
        }
    }

    /// `name` is opened in `directory`, or is the whole path (relative to the working directory)
    /// when there is none.
    private static func read(opening name: ArraySlice<UInt8>, in directory: OpenDirectory?, maxSize: Int) -> Outcome {
        let place = directory?.descriptor ?? AT_FDCWD
        let opened = cString(name)
        // Non-blocking: the walk saw a regular file, but by now the name may be a FIFO (opening
        // one blocks until a writer comes) or a device; fstat on what was opened decides.
        let descriptor = openat(place, opened, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let failure = errno
            // A socket cannot be opened at all (ENXIO): it is not a regular file, not an unreadable one.
            var info = stat()
            if failure == ENXIO, fstatat(place, opened, &info, 0) == 0, info.st_mode & S_IFMT == S_IFSOCK { return .skipped(.notRegularFile) }
            return .skipped(.unreadable(String(cString: strerror(failure))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .skipped(.unreadable(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .skipped(.notRegularFile) }
        let size = Int(info.st_size)
        let sizeLimit = limit(maxSize)
        guard size <= sizeLimit else { return .skipped(.tooLarge(size: size, limit: sizeLimit)) }
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
        return classify(bytes)
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
            let sizeLimit = limit(maxSize)
            guard bytes.count + count <= sizeLimit else { return .skipped(.tooLarge(size: bytes.count + count, limit: sizeLimit)) }
            bytes += chunk[..<count]
        }
        return classify(bytes)
    }

    /// Text as it is, wide text as UTF-8, or binary.
    package static func classify(_ bytes: [UInt8]) -> Outcome {
        if let decoded = WideText.utf8(from: bytes) {
            return decoded.count <= largestScannable ? .text(decoded) : .skipped(.tooLarge(size: decoded.count, limit: largestScannable))
        }
        return isBinary(bytes) ? .skipped(.binary) : .text(bytes)
    }

    /// A NUL byte in the first `binaryProbeLength` bytes (memchr: every file and blob passes here).
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, min(buffer.count, binaryProbeLength)) != nil
        }
    }
}

/// `read(2)` under a name that the `read` methods above do not shadow, on Linux and macOS alike.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
