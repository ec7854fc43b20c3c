import Foundation
import KeyWardenInputs
import KeyWardenMatching

/// Scans git history: every unique blob of the selected history is scanned once, then each of its
/// findings is reported at every path the blob was introduced at, attributed to the commit that
/// introduced it there, and marked `presentAtHead` when the same rule finds the same secret in HEAD.
public struct GitHistoryScanner: Sendable {
    public let scanner: SecretScanner
    public let maxBlobSize: Int
    /// Paths (relative to the repository root) not to report, from the configuration's skipPaths.
    public let skip: @Sendable (String) -> Bool

    public init(scanner: SecretScanner, maxBlobSize: Int, skip: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.scanner = scanner
        self.maxBlobSize = maxBlobSize
        self.skip = skip
    }

    public func scan(_ repository: GitRepository, selection: GitRevisionSelection = GitRevisionSelection(),
                     progress: (@Sendable (GitScanProgress) -> Void)? = nil) throws -> ScanResult {
        let attribution = try BlobAttribution.read(repository, selection: selection)
        var introductions: [String: [BlobAttribution.Introduction]] = [:]
        var blobs: [String] = []
        for blob in attribution.blobs {
            let kept = attribution.introductions[blob, default: []].filter { !skip($0.path) }
            guard !kept.isEmpty else { continue }
            introductions[blob] = kept
            blobs.append(blob)
        }
        let outcomes = try GitBlobScanner(scanner: scanner, maxBlobSize: maxBlobSize)
            .scan(blobs, in: repository, progress: GitScanProgressCounter(total: blobs.count, observer: progress))

        var result = ScanResult()
        var byBlob: [String: [Finding]] = [:]
        for (blob, outcome) in zip(blobs, outcomes) {
            let first = introductions[blob]![0]
            let label = "\(first.path)@\(attribution.commits[first.commit].id.prefix(12))"
            switch outcome {
            case let .scanned(findings, bytes):
                result.filesScanned += 1
                result.bytesScanned += bytes
                if !findings.isEmpty { byBlob[blob] = findings }
            case let .skipped(reason):
                result.skipped.append(SkippedInput(path: label, reason: reason))
            }
        }
        let atHead = byBlob.isEmpty ? [] : try fingerprintsAtHead(repository, scanned: byBlob, scannedBlobs: Set(blobs))
        for (blob, findings) in byBlob {
            for introduction in introductions[blob]! {
                let commit = attribution.commits[introduction.commit]
                for finding in findings {
                    result.findings.append(finding.attributed(to: introduction.path, commit: commit,
                                                              presentAtHead: atHead.contains(finding.fingerprint)))
                }
            }
        }
        result.findings.sort(by: Self.historyOrder)
        result.skipped.sort()
        return result
    }

    /// Report order, then commit date, so the same path from two commits lists the oldest first.
    static func historyOrder(_ a: Finding, _ b: Finding) -> Bool {
        if Finding.reportOrder(a, b) { return true }
        if Finding.reportOrder(b, a) { return false }
        return (a.git?.date ?? .distantPast, a.git?.commit ?? "") < (b.git?.date ?? .distantPast, b.git?.commit ?? "")
    }

    /// Fingerprints of the secrets in HEAD's tree. Blobs the scan already read are looked up;
    /// HEAD blobs outside the selected history (`--branch`, `--since-commit`) are scanned now.
    func fingerprintsAtHead(_ repository: GitRepository, scanned: [String: [Finding]], scannedBlobs: Set<String>) throws -> Set<String> {
        let head = try repository.headBlobs()
        var fingerprints = Set<String>()
        var unscanned: [String] = []
        for (blob, paths) in head.sorted(by: { $0.key < $1.key }) where paths.contains(where: { !skip($0) }) {
            if scannedBlobs.contains(blob) {
                scanned[blob]?.forEach { fingerprints.insert($0.fingerprint) }
            } else {
                unscanned.append(blob)
            }
        }
        let outcomes = try GitBlobScanner(scanner: scanner, maxBlobSize: maxBlobSize)
            .scan(unscanned, in: repository, progress: GitScanProgressCounter(total: unscanned.count, observer: nil))
        for case let .scanned(findings, _) in outcomes { findings.forEach { fingerprints.insert($0.fingerprint) } }
        return fingerprints
    }
}

extension Finding {
    /// This finding at `path`, introduced by `commit`.
    func attributed(to path: String, commit: GitCommit, presentAtHead: Bool) -> Finding {
        var copy = self
        copy.path = path
        copy.git = GitProvenance(commit: commit.id, author: commit.author, email: commit.email, date: commit.date,
                                 presentAtHead: presentAtHead)
        return copy
    }
}
