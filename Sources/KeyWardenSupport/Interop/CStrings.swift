#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path, a name or any bytes but NUL as the C string system calls take: the bytes as they
/// are (a name that is not UTF-8 must reach open() unchanged), then NUL.
public func cString(_ bytes: some Sequence<UInt8>) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

/// `strings` as C strings for the duration of `body`, in a NULL-terminated array (what
/// posix_spawn's argv and envp want; a count-taking C API ignores the last entry).
public func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
