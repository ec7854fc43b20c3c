import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the fingerprint key of this installation lives, and how it is made.
///
/// `KEYWARDEN_FINGERPRINT_KEY` (any non-empty string, e.g. a CI secret shared by a team so that
/// a committed baseline matches everywhere) wins; otherwise `fingerprint-key` in the config
/// directory (`KEYWARDEN_CONFIG_DIR`, else `$XDG_CONFIG_HOME/keywarden`, else
/// `~/.config/keywarden`), 32 random bytes in hex, created 0600 on first use.
public struct FingerprintKeyFile: Sendable {
    public let environment: [String: String]
    /// Told once when the key cannot be kept or looks exposed.
    let warn: @Sendable (String) -> Void

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                warn: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) {
        self.environment = environment
        self.warn = warn
    }

    public static let fileName = "fingerprint-key"

    public var directory: String {
        if let explicit = environment["KEYWARDEN_CONFIG_DIR"], !explicit.isEmpty { return explicit }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        return (base as NSString).appendingPathComponent("keywarden")
    }

    public var path: String { (directory as NSString).appendingPathComponent(Self.fileName) }

    /// The key, creating the file when there is none. When no file can be kept, a key for this
    /// process only: fingerprints then differ between runs, which the warning says.
    public func key() -> [UInt8] {
        if let shared = environment["KEYWARDEN_FINGERPRINT_KEY"], !shared.isEmpty { return Array(shared.utf8) }
        for _ in 0..<2 {
            if let existing = existingKey() { return existing }
            if let created = create() { return created }
        }
        warn("cannot keep a fingerprint key at \(path); fingerprints from this run will not match other runs")
        return Self.randomKey()
    }

    private static func randomKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    private func existingKey() -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        if info.st_uid != getuid() || info.st_mode & 0o077 != 0 {
            warn("\(path) is readable or writable by others (or not yours); anyone who can read it can reverse short secrets' fingerprints")
        }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 32 else { return nil }
        return Array(text.utf8)
    }

    /// Created exclusively (never through a planted link) with mode 0600 in a 0700 directory.
    private func create() -> [UInt8]? {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        let text = Array((Self.randomKey().hexString + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == text.count else { unlink(path); return nil }
        return Array(text.dropLast())
    }
}
