import Foundation

/// One input parser keywarden exposes to files or servers it does not control, as a function a
/// fuzzer can call with arbitrary bytes. A target may reject its input (that is the point);
/// it must never crash, trap or hang.
public struct FuzzTarget: Sendable {
    public let name: String
    /// Where its seed inputs are, relative to the package root: real documents of the format.
    public let seedPaths: [String]
    public let run: @Sendable (Data) -> Void

    public init(name: String, seedPaths: [String], run: @escaping @Sendable (Data) -> Void) {
        self.name = name
        self.seedPaths = seedPaths
        self.run = run
    }

    /// The seed files: every regular file under the seed paths, sorted, at most 64 KiB each.
    public func seeds(root: String) -> [Data] {
        var files: [String] = []
        for relative in seedPaths {
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let children = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
                files += children.map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files.sorted().compactMap { file in
            guard let data = FileManager.default.contents(atPath: file), !data.isEmpty, data.count <= 64 << 10 else { return nil }
            return data
        }
    }
}
