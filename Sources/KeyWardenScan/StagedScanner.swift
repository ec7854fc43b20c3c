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
        // The whole staged blob is scanned, not just the added lines, so a secret spanning lines
        // (a PEM block) is still seen whole; findings are then kept by line.
        let outcomes = try GitBlobScanner(scanner: scanner, maxBlobSize: maxBlobSize)
            .scan(files.map(\.blob), in: repository, progress: GitScanProgressCounter(total: files.count, observer: nil))
        var result = ScanResult()
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case let .scanned(findings, bytes):
                result.filesScanned += 1
                result.bytesScanned += bytes
                for var finding in findings where file.addedLines.intersects(finding.line, finding.endLine) {
                    finding.path = file.path
                    result.findings.append(finding)
                }
            case let .skipped(reason):
                result.skipped.append(SkippedInput(path: file.path, reason: reason))
            }
        }
        result.findings.sort(by: Finding.reportOrder)
        result.skipped.sort()
        return result
    }
}
