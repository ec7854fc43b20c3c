import KeyWardenInputs
import KeyWardenMatching
/// The pre-commit scan: secrets in what the next commit records, on the lines it adds or changes.
/// An old secret on an untouched line of a modified file was reported when it was committed
/// (or baselined since) and is not reported again.
public struct StagedScanner: Sendable {
    public let scanner: SecretScanner
    public let maxBlobSize: Int
    /// Paths (relative to the repository root) not to scan, from the configuration's skipPaths.
    public let skip: @Sendable (String) -> Bool

    public init(scanner: SecretScanner, maxBlobSize: Int, skip: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.scanner = scanner
        self.maxBlobSize = maxBlobSize
        self.skip = skip
    }

    public func scan(_ repository: GitRepository) throws -> ScanResult {
        let files = try StagedChangesSource(repository).files().filter { !skip($0.path) }
        return try ScanPipeline(scanner: scanner).run(StagedSource(repository: repository, files: files, maxBlobSize: maxBlobSize))
    }
}

/// The index's version of each staged file. The whole blob is scanned, not just the added
/// lines, so a secret spanning lines (a PEM block) is still seen whole; findings are then kept
/// only on the lines the commit adds or changes.
struct StagedSource: ScanSource {
    let repository: GitRepository
    let files: [StagedChangesSource.StagedFile]
    let maxBlobSize: Int

    var count: Int { files.count }

    func reader(for indices: [Int]) throws -> any ContentReader {
        try GitBlobContentReader(repository, ids: indices.map { files[$0].blob }, maxSize: maxBlobSize)
    }

    func label(of index: Int) -> String { files[index].path }

    func paths(of index: Int) -> [String] { [files[index].path] }

    func place(_ findings: [Finding], of index: Int) -> [Finding] {
        let file = files[index]
        return findings.filter { file.addedLines.intersects($0.line, $0.endLine) }.map { $0.placed(at: file.path) }
    }
}
