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
        let source = HistorySource(repository: repository, blobs: blobs, introductions: introductions, commits: attribution.commits,
                                   maxBlobSize: maxBlobSize, presentAtHead: [])
        let pipeline = ScanPipeline(scanner: scanner)
        let outcomes = try pipeline.read(source, progress: GitScanProgressCounter(total: blobs.count, observer: progress))
        var byBlob: [String: [Finding]] = [:]
        for (blob, outcome) in zip(blobs, outcomes) {
            switch outcome {
            case let .scanned(findings, _) where !findings.isEmpty, let .expanded(findings, _, _, _) where !findings.isEmpty:
                byBlob[blob] = findings
            default: break
            }
        }
        let atHead = byBlob.isEmpty ? [] : try fingerprintsAtHead(repository, scanned: byBlob, scannedBlobs: Set(blobs))
        return pipeline.fold(source.marking(presentAtHead: atHead), outcomes)
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
        let outcomes = try ScanPipeline(scanner: scanner)
            .read(GitBlobSource(repository: repository, blobs: unscanned, maxBlobSize: maxBlobSize, paths: head))
        for case let .scanned(findings, _) in outcomes { findings.forEach { fingerprints.insert($0.fingerprint) } }
        return fingerprints
    }
}

/// Each unique blob of the selected history; its findings are placed at every path the blob
/// was introduced at, attributed to the commit that introduced it there.
struct HistorySource: ScanSource {
    let repository: GitRepository
    let blobs: [String]
    let introductions: [String: [BlobAttribution.Introduction]]
    let commits: [GitCommit]
    let maxBlobSize: Int
    /// Fingerprints of the secrets still in HEAD, known once the history is read.
    let presentAtHead: Set<String>

    var count: Int { blobs.count }

    func reader() throws -> any ContentReader {
        GitBlobContentReader(repository, maxSize: maxBlobSize, archives: ArchiveLimits(maxMemberSize: maxBlobSize),
                             blob: { blobs[$0] }, name: { introductions[blobs[$0]]?.first?.path })
    }

    /// `path@commit` of the blob's first introduction.
    func label(of index: Int) -> String {
        let first = introductions[blobs[index]]![0]
        return "\(first.path)@\(commits[first.commit].id.prefix(12))"
    }

    func paths(of index: Int) -> [String] { introductions[blobs[index]]!.map(\.path) }

    func place(_ findings: [Finding], of index: Int) -> [Finding] {
        introductions[blobs[index]]!.flatMap { introduction in
            findings.map { $0.attributed(to: introduction.path, commit: commits[introduction.commit],
                                         presentAtHead: presentAtHead.contains($0.fingerprint)) }
        }
    }

    func marking(presentAtHead: Set<String>) -> HistorySource {
        HistorySource(repository: repository, blobs: blobs, introductions: introductions, commits: commits,
                      maxBlobSize: maxBlobSize, presentAtHead: presentAtHead)
    }
}

extension Finding {
    /// This finding at `path`, introduced by `commit`.
    func attributed(to path: String, commit: GitCommit, presentAtHead: Bool) -> Finding {
        var copy = self
        copy.path = archivePath.map { path + "!/" + $0 } ?? path
        copy.archivePath = nil
        copy.git = GitProvenance(commit: commit.id, author: commit.author, email: commit.email, date: commit.date,
                                 presentAtHead: presentAtHead)
        return copy
    }
}
