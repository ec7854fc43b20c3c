import Foundation

/// Writes a result file the way users expect: a regular file is replaced atomically (a reader
/// never sees half a report), while a device or pipe (`/dev/stdout`, `/dev/null`, a FIFO) is
/// written in place. An atomic write to a device path would rename a temporary file over it,
/// replacing `/dev/null` itself with a regular file.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
