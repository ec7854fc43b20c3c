import CArchive
import Foundation

/// A container image as `docker save` or `podman save` writes it (a tar holding `manifest.json`,
/// the image config and one tar per layer), or an OCI image layout directory (`oci-layout`,
/// `index.json`, `blobs/sha256/…`). Every layer's files are members, named by the layer
/// (`blobs/sha256/<digest>!/app/config.env`); the image config's `Env` entries and the build
/// history (`ENV`, `ARG`, `RUN` lines) are one more member, `<config>!/Env and history`, one
/// line each, since that is where a build-time secret stays after the files are gone.
public enum ContainerImage {
    public static func members(of path: String, limits: ArchiveLimits) -> Result<[ArchiveMember], ArchiveExpansion.Refusal> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.unreadable("no such file or directory"))
        }
        do {
            return .success(isDirectory.boolValue ? try layout(path, limits: limits) : try saved(path, limits: limits))
        } catch let refusal as ArchiveExpansion.Refusal {
            return .failure(refusal)
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }

    /// What an image manifest names: the config and the layers, as paths in the image.
    struct Manifest {
        let config: String
        let layers: [String]
    }

    // MARK: docker save / podman save

    private static func saved(_ path: String, limits: ArchiveLimits) throws -> [ArchiveMember] {
        // Pass 1: the small JSON documents (the tar lists them after the layers in recent Docker).
        let documents = try entries(ofTar: path) { name, size in name == "manifest.json" || name.hasSuffix(".json") || size < (4 << 20) }
        guard let manifestData = documents["manifest.json"],
              let list = try? JSONSerialization.jsonObject(with: manifestData) as? [[String: Any]] else {
            throw ArchiveExpansion.Refusal.unreadable("no manifest.json: not a `docker save` image")
        }
        let manifests = list.compactMap { entry -> Manifest? in
            guard let config = entry["Config"] as? String, let layers = entry["Layers"] as? [String] else { return nil }
            return Manifest(config: config, layers: layers)
        }
        // Pass 2: each layer once (images in one file share layers), through a temporary copy.
        var members: [ArchiveMember] = []
        var seen = Set<String>()
        let wanted = Set(manifests.flatMap(\.layers))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("keywarden-image-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try forEachEntry(ofTar: path) { name, archive in
            guard wanted.contains(name), seen.insert(name).inserted else { return }
            let copy = scratch + "/layer"
            try copyData(of: archive, to: copy, limit: limits.maxExpandedBytes)
            members += try layerMembers(copy, name: name, limits: limits)
            try? FileManager.default.removeItem(atPath: copy)
        }
        for manifest in manifests where seen.insert(manifest.config).inserted {
            if let data = documents[manifest.config], let member = configMember(data, name: manifest.config) { members.append(member) }
        }
        return members
    }

    // MARK: OCI image layout

    private static func layout(_ path: String, limits: ArchiveLimits) throws -> [ArchiveMember] {
        func blob(_ digest: String) -> String { path + "/blobs/" + digest.replacingOccurrences(of: ":", with: "/") }
        guard let index = FileManager.default.contents(atPath: path + "/index.json"),
              let root = try? JSONSerialization.jsonObject(with: index) as? [String: Any],
              let entries = root["manifests"] as? [[String: Any]] else {
            throw ArchiveExpansion.Refusal.unreadable("no index.json: not an OCI image layout")
        }
        var members: [ArchiveMember] = []
        var seen = Set<String>()
        for entry in entries {
            guard let digest = entry["digest"] as? String, let data = FileManager.default.contents(atPath: blob(digest)),
                  let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let layers = (manifest["layers"] as? [[String: Any]] ?? []).compactMap { $0["digest"] as? String }
            for layer in layers where seen.insert(layer).inserted {
                members += try layerMembers(blob(layer), name: "blobs/" + layer.replacingOccurrences(of: ":", with: "/"), limits: limits)
            }
            if let config = (manifest["config"] as? [String: Any])?["digest"] as? String, seen.insert(config).inserted,
               let data = FileManager.default.contents(atPath: blob(config)),
               let member = configMember(data, name: "blobs/" + config.replacingOccurrences(of: ":", with: "/")) {
                members.append(member)
            }
        }
        return members
    }

    // MARK: pieces

    /// A layer's files (a tar, plain or compressed), named inside the layer.
    private static func layerMembers(_ file: String, name: String, limits: ArchiveLimits) throws -> [ArchiveMember] {
        // A layer is one level of the image, not an archive the user nested: its own depth is 1.
        var layerLimits = limits
        layerLimits.maxDepth = max(1, limits.maxDepth)
        switch ArchiveExpansion.members(ofFile: file, limits: layerLimits) {
        case let .success(members): return members.map { ArchiveMember(path: name + "!/" + $0.path, content: $0.content) }
        case let .failure(refusal): return [ArchiveMember(path: name, content: .skipped(refusal.reason))]
        }
    }

    /// The config's `Env` entries and history commands, one per line, as `ENV NAME=value` and
    /// the command as Docker recorded it.
    static func configMember(_ data: Data, name: String) -> ArchiveMember? {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var lines: [String] = []
        let config = (root["config"] as? [String: Any]) ?? (root["Config"] as? [String: Any]) ?? [:]
        for variable in config["Env"] as? [String] ?? [] { lines.append("ENV " + variable) }
        for step in root["history"] as? [[String: Any]] ?? [] {
            if let command = step["created_by"] as? String { lines.append(command) }
        }
        guard !lines.isEmpty else { return nil }
        return ArchiveMember(path: name + "!/Env and history", content: .text(Array(lines.joined(separator: "\n").utf8) + [0x0A]))
    }

    /// Small members of a tar, read whole, by name.
    private static func entries(ofTar path: String, keep: (String, Int) -> Bool) throws -> [String: Data] {
        var found: [String: Data] = [:]
        try forEachEntry(ofTar: path) { name, archive in
            guard keep(name, archive.size), archive.size <= 16 << 20 else { return }
            var data = Data()
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = chunk.withUnsafeMutableBytes { kw_archive_read_data(archive.handle, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                data.append(contentsOf: chunk[..<count])
            }
            found[name] = data
        }
        return found
    }

    /// One pass over a tar's regular files; `body` may read the current entry's data.
    struct Cursor {
        let handle: OpaquePointer
        let size: Int
    }

    private static func forEachEntry(ofTar path: String, _ body: (String, Cursor) throws -> Void) throws {
        let archive = try ArchiveExpansion.newReader()
        defer { kw_archive_read_free(archive) }
        kw_archive_read_support_filter_all(archive)
        kw_archive_read_support_format_tar(archive)
        guard kw_archive_read_open_filename(archive, path, 64 << 10) == ARCHIVE_OK else {
            throw ArchiveExpansion.Refusal.unreadable(kw_archive_error_string(archive).map { String(cString: $0) } ?? "not a tar")
        }
        var entry: OpaquePointer?
        while true {
            let status = kw_archive_read_next_header(archive, &entry)
            if status == ARCHIVE_EOF { return }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
                throw ArchiveExpansion.Refusal.unreadable(kw_archive_error_string(archive).map { String(cString: $0) } ?? "unreadable tar")
            }
            guard kw_archive_entry_filetype(entry) == 0o100000 else { continue }
            var name = kw_archive_entry_pathname(entry).map { PathText.display(cString: $0) } ?? ""
            if name.hasPrefix("./") { name.removeFirst(2) }
            try body(name, Cursor(handle: archive, size: Int(kw_archive_entry_size(entry))))
        }
    }

    /// Copies the current entry's data to `file` (owner-only), refusing more than `limit` bytes.
    private static func copyData(of cursor: Cursor, to file: String, limit: Int) throws {
        guard cursor.size <= max(limit, 2 << 30) else {
            throw ArchiveExpansion.Refusal.bounded("a layer of \(cursor.size >> 20) MiB")
        }
        _ = FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = FileHandle(forWritingAtPath: file) else { throw ArchiveExpansion.Refusal.unreadable("cannot write a scratch copy") }
        defer { try? handle.close() }
        var chunk = [UInt8](repeating: 0, count: 256 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { kw_archive_read_data(cursor.handle, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else { throw ArchiveExpansion.Refusal.unreadable("a layer could not be read") }
            try handle.write(contentsOf: Data(chunk[..<count]))
        }
    }
}
