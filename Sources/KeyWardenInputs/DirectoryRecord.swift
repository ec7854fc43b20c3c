#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The name and type of a record readdir returned, read where they lie in the record.
///
/// `dirent` declares 256 bytes for the name, but a record is only as long as its name needs
/// (`d_reclen`), so a copy of `d_name` (or of the whole struct, which `entry.pointee` makes)
/// reads past the record, and past readdir's buffer when the record ends it: the walk crashed
/// that way about once in fifty scans of a large tree.
enum DirectoryRecord {
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    /// The name's bytes, up to its NUL.
    static func name(of entry: UnsafePointer<dirent>) -> [UInt8] {
        let start = UnsafeRawPointer(entry) + nameOffset
        return Array(UnsafeRawBufferPointer(start: start, count: strlen(start.assumingMemoryBound(to: CChar.self))))
    }

    /// `d_type`: DT_REG, DT_DIR, DT_LNK, ... or DT_UNKNOWN where the file system does not say.
    static func type(of entry: UnsafePointer<dirent>) -> UInt8 {
        (UnsafeRawPointer(entry) + typeOffset).load(as: UInt8.self)
    }
}
