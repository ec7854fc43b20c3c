import Foundation

/// Writes a result file the way users expect: a regular file is replaced atomically (a reader
/// never sees half a report), while a device or pipe (`/dev/stdout`, a FIFO) is written in place.
/// An atomic write to a device path would rename a temporary file over it, replacing the device
/// itself with a regular file.
///
/// Reports hold file paths, key ids and (with `--show-secrets`) secrets: a new file is created
/// readable by its owner only (0600), and replacing an existing file keeps that file's mode, so
/// `--output` never loosens who may read it. The temporary file is created exclusively under a
/// random name beside the target (never following a planted symbolic link), then renamed.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, info.st_mode & S_IFMT != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        let mode = exists ? info.st_mode & 0o7777 : 0o600
        let directory = (path as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.keywarden-output-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)  // O_CREAT|O_EXCL, mode 0600
        guard descriptor >= 0 else { throw POSIXError(errno: errno, path: path) }
        let temporary = String(cString: template)
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary) }
        }
        try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
        // No fsync: the rename is what keeps a reader from seeing half a report, and a report lost
        // to a power cut is made again by running the scan; syncing cost a pre-commit scan with
        // --output a tenth of its time.
        guard fchmod(descriptor, mode) == 0 else { throw POSIXError(errno: errno, path: path) }
        guard rename(temporary, path) == 0 else { throw POSIXError(errno: errno, path: path) }
        renamed = true
    }
}

extension POSIXError {
    init(errno code: Int32, path: String) {
        self.init(POSIXErrorCode(rawValue: code) ?? .EIO, userInfo: [NSFilePathErrorKey: path])
    }
}
