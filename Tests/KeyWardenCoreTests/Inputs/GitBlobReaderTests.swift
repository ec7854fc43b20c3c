import Foundation
@testable import KeyWardenInputs
@testable import KeyWardenScan
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
    @Test func dealsEveryIndexOnceInRunsThatShrinkTowardsTheEnd() {
        let dealer = BatchDealer(count: 10_000, workers: 2)
        var batches: [Range<Int>] = []
        while let batch = dealer.next() { batches.append(batch) }
        #expect(batches.flatMap { Array($0) } == Array(0..<10_000))
        #expect(batches.allSatisfy { $0.count <= ScanPipeline.maximumBatch && !$0.isEmpty })
        #expect(batches.first!.count == ScanPipeline.maximumBatch)
        #expect(batches.suffix(4).allSatisfy { $0.count == 1 })
    }

    @Test func workersAskingAtOnceShareTheItemsWithoutOverlap() {
        let dealer = BatchDealer(count: 5_000, workers: 4)
        let taken = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            while let batch = dealer.next() { taken.withLock { $0 += batch } }
        }
        #expect(taken.withLock { $0.sorted() } == Array(0..<5_000))
    }
}
