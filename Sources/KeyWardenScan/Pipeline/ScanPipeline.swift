import Dispatch
import KeyWardenInputs
import Synchronization

/// The one scan engine: reads a source's items on `scanner.workers` threads, each with its own
/// Hyperscan scratch and its own reader, finds secrets in each item, then places the findings by
/// origin, folds them once and sorts them once.
public struct ScanPipeline: Sendable {
    public let scanner: SecretScanner

    public init(scanner: SecretScanner) {
        self.scanner = scanner
    }

    /// What one item gave: findings not yet placed (no path), or why it was skipped.
    public enum ItemOutcome: Sendable {
        case scanned([Finding], bytes: Int)
        /// An archive's members: their findings (with `archivePath` set), the members scanned and
        /// their bytes, and the members skipped, by path inside the archive.
        case expanded([Finding], members: Int, bytes: Int, skipped: [(path: String, reason: SkippedInput.Reason)])
        case skipped(SkippedInput.Reason)
    }

    /// Reads and scans every item, then folds the outcomes into one sorted result.
    public func run(_ source: some ScanSource, progress: GitScanProgressCounter? = nil) throws -> ScanResult {
        fold(source, try read(source, progress: progress))
    }

    /// Every item's outcome, in item order whatever the thread timing. Workers take the items in
    /// batches of neighbours as they become free (a history's neighbours share delta chains), so
    /// one large file does not leave the other workers idle at the end. A `GrowingScanSource`'s
    /// items are dealt as they are listed.
    public func read(_ source: some ScanSource, progress: GitScanProgressCounter? = nil) throws -> [ItemOutcome] {
        let growing = source as? any GrowingScanSource
        let count = source.count
        guard count > 0 || growing != nil else { return [] }
        let shards = growing == nil ? max(1, min(scanner.workers, count)) : max(1, scanner.workers)
        var growth: (@Sendable (Int) throws -> (count: Int, complete: Bool))?
        if let growing { growth = { known in try growing.items(beyond: known) } }
        let batches = BatchDealer(count: count, workers: shards, growth: growth)
        let collected = Mutex<[(Int, ItemOutcome)]>([])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: shards) { _ in
            do {
                let worker = try scanner.makeWorker()
                let reader = try source.reader()
                var local: [(Int, ItemOutcome)] = []
                while failure.withLock({ $0 == nil }), let batch = try batches.next() {
                    let indices = Array(batch)
                    try reader.request(indices)
                    for index in indices {
                        local.append((index, try outcome(of: index, from: reader, source: source, worker: worker, progress: progress)))
                    }
                }
                try reader.finish()
                collected.withLock { $0 += local }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var results = [ItemOutcome?](repeating: nil, count: source.count)
        for (index, outcome) in collected.withLock({ $0 }) { results[index] = outcome }
        return results.map { $0! }
    }

    /// The most items a worker takes at once (a git reader asks for them in one request).
    public static let maximumBatch = 64

    private func outcome(of index: Int, from reader: any ContentReader, source: some ScanSource,
                         worker: SecretScanner.Worker, progress: GitScanProgressCounter?) throws -> ItemOutcome {
        switch try reader.next() {
        case let .text(bytes):
            defer { progress?.add(bytes: bytes.count) }
            do {
                return .scanned(try scanner.findings(in: bytes, worker: worker, paths: source.paths(of: index)), bytes: bytes.count)
            } catch {
                return .skipped(.unreadable("\(error)"))
            }
        case let .members(members):
            let outcome = expand(members, worker: worker, paths: source.paths(of: index))
            if case let .expanded(_, _, bytes, _) = outcome { progress?.add(bytes: bytes) }
            return outcome
        case let .skipped(reason):
            progress?.add(bytes: 0)
            return .skipped(reason)
        }
    }

    /// An archive's members scanned like files, each finding remembering its member.
    /// `paths` are the archive's own; a member is known by each of them joined to its path inside,
    /// so rules scoped to file names (`.my.cnf`) apply to members too.
    func expand(_ members: [ArchiveMember], worker: SecretScanner.Worker, paths: [String]) -> ItemOutcome {
        var findings: [Finding] = [], scanned = 0, bytes = 0
        var skipped: [(path: String, reason: SkippedInput.Reason)] = []
        for member in members {
            switch member.content {
            case let .text(text):
                do {
                    let memberPaths = paths.map { $0 + "!/" + member.path } + [member.path]
                    findings += try scanner.findings(in: text, worker: worker, paths: memberPaths).map { finding in
                        var inside = finding
                        inside.archivePath = member.path
                        return inside
                    }
                    scanned += 1
                    bytes += text.count
                } catch {
                    skipped.append((member.path, .unreadable("\(error)")))
                }
            case .skipped(.binary):
                // Class files, images, native libraries: what archives are mostly made of, and not
                // a gap in the scan worth a line each.
                continue
            case let .skipped(reason):
                skipped.append((member.path, reason))
            }
        }
        return .expanded(findings, members: scanned, bytes: bytes, skipped: skipped)
    }

    /// Places every item's findings by its origin and counts what was covered; sorted once.
    public func fold(_ source: some ScanSource, _ outcomes: [ItemOutcome]) -> ScanResult {
        var result = ScanResult()
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case let .scanned(findings, bytes):
                result.filesScanned += 1
                result.bytesScanned += bytes
                if !findings.isEmpty { result.findings += source.place(findings, of: index) }
            case let .expanded(findings, members, bytes, skipped):
                result.filesScanned += members
                result.bytesScanned += bytes
                if !findings.isEmpty { result.findings += source.place(findings, of: index) }
                let label = source.label(of: index)
                result.skipped += skipped.map { SkippedInput(path: label + "!/" + $0.path, reason: $0.reason) }
            case let .skipped(reason):
                result.skipped.append(SkippedInput(path: source.label(of: index), reason: reason))
            }
        }
        // Their positions are sorted, not the findings: a history scan has tens of thousands,
        // each a large value the sort would move at every step.
        let findings = result.findings
        result.findings = findings.indices.sorted { Finding.historyOrder(findings[$0], findings[$1]) }.map { findings[$0] }
        result.skipped.sort()
        return result
    }
}

/// Deals consecutive runs of item indices to workers as they ask: large runs while much is left,
/// smaller ones towards the end so the workers finish together (guided scheduling). With
/// `growth` the items are still being listed: a worker takes what is there (up to a full batch)
/// and waits when nothing is.
final class BatchDealer: Sendable {
    private let workers: Int
    /// Items dealt so far, and how many are known.
    private let state: Mutex<(position: Int, count: Int)>
    /// Waits until more than the given number of items are listed or the list is complete.
    private let growth: (@Sendable (Int) throws -> (count: Int, complete: Bool))?

    init(count: Int, workers: Int, growth: (@Sendable (Int) throws -> (count: Int, complete: Bool))? = nil) {
        self.workers = workers
        self.state = Mutex((0, count))
        self.growth = growth
    }

    func next() throws -> Range<Int>? {
        var complete = growth == nil
        while true {
            let batch = state.withLock { state -> Range<Int>? in
                guard state.position < state.count else { return nil }
                let left = state.count - state.position
                let size = complete ? min(ScanPipeline.maximumBatch, max(1, left / (4 * workers))) : min(ScanPipeline.maximumBatch, left)
                defer { state.position += size }
                return state.position..<(state.position + size)
            }
            if let batch { return batch }
            guard !complete, let growth else { return nil }
            let known = state.withLock { $0.count }
            let listed = try growth(known)
            complete = listed.complete
            state.withLock { $0.count = max($0.count, listed.count) }
        }
    }
}
