import Foundation
import KeyWardenInputs
import KeyWardenMatching
import KeyWardenSupport
import Synchronization

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
        let listing = HistoryListing.start(repository, selection: selection, skip: skip)
        let reading = ListedHistorySource(repository: repository, listing: listing, maxBlobSize: maxBlobSize)
        let pipeline = ScanPipeline(scanner: scanner)
        var outcomes: [ScanPipeline.ItemOutcome]
        let history: HistoryListing.Snapshot
        do {
            outcomes = try pipeline.read(reading, progress: GitScanProgressCounter(total: { listing.count }, observer: progress))
            history = try listing.finished()
        } catch {
            listing.cancel()
            throw error
        }
        let source = HistorySource(repository: repository, blobs: history.blobs, introductions: history.introductions,
                                   commits: history.commits, maxBlobSize: maxBlobSize, presentAtHead: [])
        try rescanBlobsWithLaterPaths(&outcomes, source: source, pathsWhenRead: reading.pathsWhenRead())
        var byBlob: [String: [Finding]] = [:]
        for (blob, outcome) in zip(history.blobs, outcomes) {
            switch outcome {
            case let .scanned(findings, _) where !findings.isEmpty, let .expanded(findings, _, _, _) where !findings.isEmpty:
                byBlob[blob] = findings
            default: break
            }
        }
        let atHead = byBlob.isEmpty ? [] : try fingerprintsAtHead(repository, scanned: byBlob, wasScanned: { history.introductions[$0] != nil })
        let result = pipeline.fold(source.marking(presentAtHead: atHead), outcomes)
        // A history's listing and outcomes (moby's: 181,000 blobs) took a tenth of a second to
        // free on the way to the report.
        releaseInBackground(HistoryLeftovers(consume history, consume source, consume outcomes, consume listing, consume reading))
        return result
    }

    /// A blob is read as soon as it is listed, knowing the paths listed so far; a later commit may
    /// introduce it at another path. Where that changes what the scan reads from its paths (a
    /// rule scoped to file names, a test file; an archive's members), the blob is read again.
    func rescanBlobsWithLaterPaths(_ outcomes: inout [ScanPipeline.ItemOutcome], source: HistorySource,
                                           pathsWhenRead: [Int: Int]) throws {
        // Most blobs have one path, known when they were read: counted before any path is copied.
        let stale = pathsWhenRead.filter { index, known in
            guard known < source.introductions[source.blobs[index]]!.count else { return false }
            if case .expanded = outcomes[index] { return true }
            let paths = source.paths(of: index)
            return !scanner.readsAlike(Array(paths.prefix(known)), paths)
        }.keys.sorted()
        guard !stale.isEmpty else { return }
        let again = try ScanPipeline(scanner: scanner).read(source.subset(stale))
        for (index, outcome) in zip(stale, again) { outcomes[index] = outcome }
    }

    /// Fingerprints of the secrets in HEAD's tree. Blobs the scan already read are looked up;
    /// HEAD blobs outside the selected history (`--branch`, `--since-commit`) are scanned now.
    func fingerprintsAtHead(_ repository: GitRepository, scanned: [String: [Finding]], wasScanned: (String) -> Bool) throws -> Set<String> {
        let head = try repository.headBlobs()
        var fingerprints = Set<String>()
        var unscanned: [String] = []
        for (blob, paths) in head.sorted(by: { $0.key < $1.key }) where paths.contains(where: { !skip($0) }) {
            if wasScanned(blob) {
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

/// What a history scan no longer needs once its result is folded, handed to `releaseInBackground` whole.
private final class HistoryLeftovers: @unchecked Sendable {
    let parts: (HistoryListing.Snapshot, HistorySource, [ScanPipeline.ItemOutcome], HistoryListing, ListedHistorySource)

    init(_ snapshot: consuming HistoryListing.Snapshot, _ source: consuming HistorySource, _ outcomes: consuming [ScanPipeline.ItemOutcome],
         _ listing: consuming HistoryListing, _ reading: consuming ListedHistorySource) {
        parts = (snapshot, source, outcomes, listing, reading)
    }
}

/// Each unique blob of the selected history, once the history is listed; its findings are placed
/// at every path the blob was introduced at, attributed to the commit that introduced it there.
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

    /// The blobs at `indices`, in that order.
    func subset(_ indices: [Int]) -> HistorySource {
        HistorySource(repository: repository, blobs: indices.map { blobs[$0] }, introductions: introductions, commits: commits,
                      maxBlobSize: maxBlobSize, presentAtHead: presentAtHead)
    }
}

/// The blobs of a history while it is still being listed: the scan reads each as soon as it is
/// listed, with the paths known then, and remembers how many that was.
final class ListedHistorySource: GrowingScanSource, @unchecked Sendable {
    let repository: GitRepository
    let listing: HistoryListing
    let maxBlobSize: Int
    /// For each blob read, how many of its paths were known when it was.
    private let pathCounts = Mutex<[Int: Int]>([:])

    init(repository: GitRepository, listing: HistoryListing, maxBlobSize: Int) {
        self.repository = repository
        self.listing = listing
        self.maxBlobSize = maxBlobSize
    }

    var count: Int { listing.count }

    func items(beyond known: Int) throws -> (count: Int, complete: Bool) { try listing.items(beyond: known) }

    func reader() throws -> any ContentReader {
        GitBlobContentReader(repository, maxSize: maxBlobSize, archives: ArchiveLimits(maxMemberSize: maxBlobSize),
                             blob: { [listing] in listing.blob($0).id }, name: { [listing] in listing.blob($0).introductions.first?.path })
    }

    func label(of index: Int) -> String {
        let (id, introductions) = listing.blob(index)
        guard let first = introductions.first else { return id }
        return "\(first.path)@\(listing.commit(first.commit).id.prefix(12))"
    }

    func paths(of index: Int) -> [String] {
        let paths = listing.blob(index).introductions.map(\.path)
        pathCounts.withLock { $0[index] = paths.count }
        return paths
    }

    /// Findings are placed once the history is listed (`HistorySource`), not while it is read.
    func place(_ findings: [Finding], of index: Int) -> [Finding] { findings }

    /// For each blob read, how many of its paths were known when it was.
    func pathsWhenRead() -> [Int: Int] { pathCounts.withLock { $0 } }
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
