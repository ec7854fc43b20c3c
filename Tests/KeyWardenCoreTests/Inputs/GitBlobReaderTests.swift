import Foundation
@testable import KeyWardenInputs
@testable import KeyWardenScan
import KeyWardenSupport
import KeyWardenTestSupport
import Synchronization
import Testing

@Suite struct GitBlobReaderTests {
    @Test func oneProcessAnswersRequestsMadeBatchByBatch() throws {
        let repo = try GitTestRepository()
        for number in 0..<150 { try repo.write("file-\(number).txt", "content of file \(number)\n") }
        try repo.commit("many files")
        let repository = try repo.repository()
        let blobs = try repository.headBlobs().sorted { $0.key < $1.key }
        let reader = try GitBlobReader(repository, maxSize: 1 << 20)
        var read: [String: String] = [:]
        for batch in stride(from: 0, to: blobs.count, by: 64).map({ blobs[$0..<min($0 + 64, blobs.count)] }) {
            reader.request(batch.map(\.key))
            for (_, paths) in batch {
                guard case .text = try reader.next() else { Issue.record("not text: \(paths)"); continue }
                read[paths[0]] = String(decoding: reader.content, as: UTF8.self)
            }
        }
        try reader.finish()
        #expect(read.count == 150)
        #expect(read.allSatisfy { $0.value == repo.read($0.key) })
    }

    @Test func aGitThatHasExitedDoesNotEndKeywardenWhenAskedForMore() throws {
        // git exits at once outside a repository; a request written after that meets a closed
        // pipe, whose SIGPIPE would end the test process unless the reader keeps it off.
        let repo = try GitTestRepository()
        let repository = try repo.repository()
        try repo.remove(".git")
        let reader = try GitBlobReader(repository, maxSize: 1 << 20)
        reader.request([String(repeating: "a", count: 40)])
        #expect(throws: GitError.self) { try reader.next() }
        reader.request(Array(repeating: String(repeating: "b", count: 40), count: 500))
        #expect(throws: GitError.self) { try reader.finish() }
    }
}

@Suite struct BatchDealerTests {
    @Test func dealsEveryIndexOnceInRunsThatShrinkTowardsTheEnd() throws {
        let dealer = BatchDealer(count: 10_000, workers: 2)
        var batches: [Range<Int>] = []
        while let batch = try dealer.next() { batches.append(batch) }
        #expect(batches.flatMap { Array($0) } == Array(0..<10_000))
        #expect(batches.allSatisfy { $0.count <= ScanPipeline.maximumBatch && !$0.isEmpty })
        #expect(batches.first!.count == ScanPipeline.maximumBatch)
        #expect(batches.suffix(4).allSatisfy { $0.count == 1 })
    }

    @Test func workersAskingAtOnceShareTheItemsWithoutOverlap() {
        let dealer = BatchDealer(count: 5_000, workers: 4)
        let taken = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            while let batch = try! dealer.next() { taken.withLock { $0 += batch } }
        }
        #expect(taken.withLock { $0.sorted() } == Array(0..<5_000))
    }

    /// Items listed a few at a time by another thread (a history's `git log` still being read):
    /// the workers wait for them, take each once, and stop only when the listing is complete.
    @Test func itemsListedWhileWorkersWaitAreEachDealtOnce() {
        let listed = Mutex<(count: Int, complete: Bool)>((0, false))
        let growth: @Sendable (Int) throws -> (count: Int, complete: Bool) = { known in
            while true {
                let now = listed.withLock { $0 }
                if now.count > known || now.complete { return now }
                usleep(100)
            }
        }
        let dealer = BatchDealer(count: 0, workers: 2, growth: growth)
        let taken = Mutex<[Int]>([])
        DetachedThread.start {
            for _ in 0..<300 {
                listed.withLock { $0.count += 7 }
                usleep(50)
            }
            listed.withLock { $0.complete = true }
        }
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let batch = try! dealer.next() { taken.withLock { $0 += batch } }
        }
        #expect(taken.withLock { $0.sorted() } == Array(0..<2_100))
    }

    @Test func aListingThatFailsStopsTheWorkersWithItsError() {
        struct ListingFailed: Error {}
        let dealer = BatchDealer(count: 3, workers: 1, growth: { _ in throw ListingFailed() })
        #expect(throws: Never.self) { try dealer.next() }
        #expect(throws: ListingFailed.self) { while try dealer.next() != nil {} }
    }
}
