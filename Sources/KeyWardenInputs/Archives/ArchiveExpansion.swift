import CArchive
import KeyWardenSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens zip (and jar, war, apk, whl, nupkg, which are zips), tar and gzip/bzip2/xz files with
/// libarchive and returns their members, nested archives opened in turn down to the depth
/// limit. Bounded by `ArchiveLimits`: an archive that passes a bound is one skipped input with the
/// reason, not a partial list.
public enum ArchiveExpansion {
    /// Names an archive goes by. By name, not content: a `.docx` is a zip too, but its XML holds
    /// prose, and opening every zip-shaped file would cost more than it finds.
    static let suffixes = [".zip", ".jar", ".war", ".ear", ".apk", ".aar", ".whl", ".nupkg", ".egg", ".tar", ".tgz", ".tar.gz",
                           ".gz", ".tbz", ".tbz2", ".tar.bz2", ".bz2", ".txz", ".tar.xz", ".xz"]

    private static let suffixBytes = suffixes.map { Array($0.utf8) }

    public static func isArchive(path: String) -> Bool { isArchive(path: Array(path.utf8)) }

    /// Whether a path's bytes end with one of the suffixes, in any ASCII case: the walk asks this
    /// of every file, so no String is made and nothing is lowercased for it. (No other character
    /// lowercases to one of the suffixes' letters and digits.) Bytes in an array, not any
    /// collection: called from another module, a generic version runs unspecialised.
    public static func isArchive(path: [UInt8]) -> Bool {
        suffixBytes.contains { suffix in
            guard path.count >= suffix.count else { return false }
            var byte = path.count
            for expected in suffix.reversed() {
                byte -= 1
                let found = path[byte]
                guard found.asciiLowercased == expected else { return false }
            }
            return true
        }
    }

    /// Why a whole archive was not scanned.
    public enum Refusal: Error, Sendable, Equatable {
        case unreadable(String)
        case bounded(String)

        public var reason: SkippedInput.Reason {
            switch self {
            case let .unreadable(why): .unreadable("archive: \(why)")
            case let .bounded(why): .archiveBounded(why)
            }
        }
    }

    /// The members of the archive file at `path`.
    public static func members(ofFile path: String, limits: ArchiveLimits) -> Result<[ArchiveMember], Refusal> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let expander = Expander(budget: Budget(limits: limits, onDisk: max(1, Int(info.st_size))))
        do {
            return .success(try expander.expand(source: .file(path), name: path, depth: 1))
        } catch {
            return .failure(error)
        }
    }

    /// The members of an archive held in memory (a git blob), `name` its path.
    public static func members(of bytes: [UInt8], name: String, limits: ArchiveLimits) -> Result<[ArchiveMember], Refusal> {
        let expander = Expander(budget: Budget(limits: limits, onDisk: max(1, bytes.count)))
        return bytes.withUnsafeBytes { buffer in
            Result { () throws(Refusal) in try expander.expand(source: .memory(buffer), name: name, depth: 1) }
        }
    }

    /// What one archive on disk may still expand to.
    struct Budget {
        let limits: ArchiveLimits
        let onDisk: Int
        var expanded = 0
        var members = 0

        mutating func take(bytes: Int) throws(Refusal) {
            expanded += bytes
            if expanded > limits.maxExpandedBytes {
                throw .bounded("expands past \(limits.maxExpandedBytes >> 20) MiB")
            }
            if expanded > limits.ratioFloor, expanded / onDisk > limits.maxRatio {
                throw .bounded("compression ratio over \(limits.maxRatio):1 (an archive bomb?)")
            }
        }

        mutating func takeMember() throws(Refusal) {
            members += 1
            if members > limits.maxMembers { throw .bounded("more than \(limits.maxMembers) members") }
        }
    }

    enum Source {
        case file(String)
        case memory(UnsafeRawBufferPointer)
    }

    /// A libarchive reader. The library is loaded on first use; when it is missing, every
    /// archive is reported unreadable with the reason, and nothing else changes.
    static func newReader() throws(Refusal) -> OpaquePointer {
        guard let archive = kw_archive_read_new() else {
            throw .unreadable(kw_archive_load_error().map { String(cString: $0) } ?? "libarchive could not start")
        }
        return archive
    }

    /// One pass over an archive tree; a class so nested archives share the budget.
    final class Expander {
        var budget: Budget

        init(budget: Budget) { self.budget = budget }

        func expand(source: Source, name: String, depth: Int) throws(Refusal) -> [ArchiveMember] {
            let archive = try ArchiveExpansion.newReader()
            defer { kw_archive_read_free(archive) }
            kw_archive_read_support_filter_all(archive)
            kw_archive_read_support_format_all(archive)
            // A lone compressed file (`notes.txt.gz`) has no archive format: read it as one member.
            kw_archive_read_support_format_raw(archive)
            let opened: Int32 = switch source {
            case let .file(path): kw_archive_read_open_filename(archive, path, 64 << 10)
            case let .memory(buffer): kw_archive_read_open_memory(archive, buffer.baseAddress, buffer.count)
            }
            guard opened == ARCHIVE_OK else { throw .unreadable(Self.message(archive)) }
            var members: [ArchiveMember] = []
            var entry: OpaquePointer?
            while true {
                let status = kw_archive_read_next_header(archive, &entry)
                if status == ARCHIVE_EOF { break }
                guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { throw .unreadable(Self.message(archive)) }
                guard kw_archive_entry_filetype(entry) == 0o100000 else { continue }  // regular files only (AE_IFREG)
                try budget.takeMember()
                let memberName = Self.memberName(entry, archiveName: name)
                if kw_archive_entry_size_is_set(entry) != 0, Int(kw_archive_entry_size(entry)) > budget.limits.maxMemberSize {
                    members.append(ArchiveMember(path: memberName, content: .skipped(.tooLarge(size: Int(kw_archive_entry_size(entry)),
                                                                                                  limit: budget.limits.maxMemberSize))))
                    continue
                }
                guard let bytes = try read(archive, member: memberName, into: &members) else { continue }
                if isArchive(path: memberName), depth < budget.limits.maxDepth {
                    let nested = try bytes.withUnsafeBytes { buffer in
                        Result { () throws(Refusal) in try expand(source: .memory(buffer), name: memberName, depth: depth + 1) }
                    }.get()
                    members += nested.map { ArchiveMember(path: memberName + "!/" + $0.path, content: $0.content) }
                } else if isArchive(path: memberName) {
                    members.append(ArchiveMember(path: memberName, content: .skipped(.archiveNestedTooDeep)))
                } else if FileContent.isBinary(bytes) {
                    members.append(ArchiveMember(path: memberName, content: .skipped(.binary)))
                } else {
                    members.append(ArchiveMember(path: memberName, content: .text(bytes)))
                }
            }
            return members
        }

        /// The member's bytes, or nil after recording why it was skipped.
        private func read(_ archive: OpaquePointer, member: String, into members: inout [ArchiveMember]) throws(Refusal) -> [UInt8]? {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = chunk.withUnsafeMutableBytes { kw_archive_read_data(archive, $0.baseAddress, $0.count) }
                if count == 0 { break }
                if count < 0 {
                    members.append(ArchiveMember(path: member, content: .skipped(.unreadable(Self.message(archive)))))
                    return nil
                }
                try budget.take(bytes: count)
                guard bytes.count + count <= budget.limits.maxMemberSize else {
                    members.append(ArchiveMember(path: member, content: .skipped(.tooLarge(size: bytes.count + count,
                                                                                            limit: budget.limits.maxMemberSize))))
                    return nil
                }
                bytes += chunk[..<count]
            }
            return bytes
        }

        /// The member's path; the raw format's single member is the archive's name without its
        /// compression suffix (`notes.txt.gz` holds `notes.txt`).
        static func memberName(_ entry: OpaquePointer, archiveName: String) -> String {
            let name = kw_archive_entry_pathname(entry).map { PathText.display(cString: $0) } ?? "data"
            guard name == "data" else { return name }
            let base = archiveName.split(separator: "/").last.map(String.init) ?? archiveName
            for suffix in [".gz", ".bz2", ".xz"] where base.lowercased().hasSuffix(suffix) { return String(base.dropLast(suffix.count)) }
            return name
        }

        static func message(_ archive: OpaquePointer) -> String {
            kw_archive_error_string(archive).map { String(cString: $0) } ?? "unreadable archive"
        }
    }
}
