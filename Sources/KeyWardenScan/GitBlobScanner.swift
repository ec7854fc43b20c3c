import Dispatch
import KeyWardenInputs
import KeyWardenMatching
import KeyWardenSupport
import Synchronization

/// Scans a list of blobs on `scanner.workers` threads. Each thread owns a Matcher (one Hyperscan
/// scratch per thread) and its own `git cat-file --batch` process reading every n-th blob, so
/// inflating objects, the slow part of reading history, runs in parallel too.
struct GitBlobScanner {
    let scanner: SecretScanner
    let maxBlobSize: Int

    enum BlobOutcome: Sendable {
        case scanned([Finding], bytes: Int)
        case skipped(SkippedInput.Reason)
    }

    /// The outcome for each blob, in list order. Findings carry an empty path: they do not depend on it.
    func scan(_ blobs: [String], in repository: GitRepository, progress: GitScanProgressCounter) throws -> [BlobOutcome] {
        guard !blobs.isEmpty else { return [] }
        let shards = max(1, min(scanner.workers, blobs.count))
        let results = Mutex<[Int: BlobOutcome]>([:])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: shards) { shard in
            do {
                let indices = Array(stride(from: shard, to: blobs.count, by: shards))
                let worker = try scanner.makeWorker()
                let reader = try GitBlobReader(repository, ids: indices.map { blobs[$0] }, maxSize: maxBlobSize)
                var local: [(Int, BlobOutcome)] = []
                local.reserveCapacity(indices.count)
                for index in indices {
                    let outcome: BlobOutcome
                    switch try reader.next() {
                    case .text:
                        // The path is filled in per introduction afterwards: findings do not depend on it.
                        do {
                            outcome = .scanned(try scanner.findings(in: reader.content, path: "", worker: worker), bytes: reader.content.count)
                        } catch {
                            outcome = .skipped(.unreadable("\(error)"))
                        }
                        progress.add(bytes: reader.content.count)
                    case let .binary(size):
                        outcome = .skipped(.binary)
                        progress.add(bytes: size)
                    case let .tooLarge(size):
                        outcome = .skipped(.tooLarge(size: size, limit: maxBlobSize))
                        progress.add(bytes: 0)
                    case .missing:
                        outcome = .skipped(.unreadable("blob \(blobs[index]) is missing from the repository"))
                        progress.add(bytes: 0)
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
        return results.withLock { all in blobs.indices.map { all[$0]! } }
    }
}
