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

    /// Every item's outcome, in item order whatever the thread timing. Items are dealt to the
    /// workers in strides, fixed up front: a git reader must be given its blob ids before it starts.
    public func read(_ source: some ScanSource, progress: GitScanProgressCounter? = nil) throws -> [ItemOutcome] {
        let count = source.count
        guard count > 0 else { return [] }
        let shards = max(1, min(scanner.workers, count))
        let results = Mutex<[ItemOutcome?]>(Array(repeating: nil, count: count))
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: shards) { shard in
            do {
                let indices = Array(stride(from: shard, to: count, by: shards))
                let worker = try scanner.makeWorker()
                let reader = try source.reader(for: indices)
                var local: [(Int, ItemOutcome)] = []
                local.reserveCapacity(indices.count)
                for index in indices {
                    let outcome: ItemOutcome
                    switch try reader.next() {
                    case let .text(bytes):
                        do {
                            outcome = .scanned(try scanner.findings(in: bytes, worker: worker, paths: source.paths(of: index)), bytes: bytes.count)
                        } catch {
                            outcome = .skipped(.unreadable("\(error)"))
                        }
                        progress?.add(bytes: bytes.count)
                    case let .members(members):
                        outcome = expand(members, worker: worker, paths: source.paths(of: index))
                        if case let .expanded(_, _, bytes, _) = outcome { progress?.add(bytes: bytes) }
                    case let .skipped(reason):
                        outcome = .skipped(reason)
                        progress?.add(bytes: 0)
                    }
                    local.append((index, outcome))
                }
                try reader.finish()
                results.withLock { all in for (index, outcome) in local { all[index] = outcome } }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.map { $0! } }
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
        // Report order, then commit date: the same path from two commits lists the oldest first.
        result.findings.sort { a, b in
            if Finding.reportOrder(a, b) { return true }
            if Finding.reportOrder(b, a) { return false }
            return (a.git?.date ?? .distantPast, a.git?.commit ?? "") < (b.git?.date ?? .distantPast, b.git?.commit ?? "")
        }
        result.skipped.sort()
        return result
    }
}
