#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path, a name or any bytes but NUL as the C string system calls take: the bytes as they
/// are (a name that is not UTF-8 must reach open() unchanged), then NUL.
///
/// Inlinable, so it is specialised where it is called: the walk and file reading call it for
/// every entry, and the generic version (a `map` through witness tables, then a second array
/// for the NUL) was 4% of a directory scan.
@inlinable
public func cString(_ bytes: some Collection<UInt8>) -> [CChar] {
    [CChar](unsafeUninitializedCapacity: bytes.count + 1) { buffer, initialized in
        var index = 0
        for byte in bytes {
            buffer[index] = CChar(bitPattern: byte)
            index += 1
        }
        buffer[index] = 0
        initialized = index + 1
    }
}

/// `strings` as C strings for the duration of `body`, in a NULL-terminated array (what
/// posix_spawn's argv and envp want; a count-taking C API ignores the last entry).
public func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
