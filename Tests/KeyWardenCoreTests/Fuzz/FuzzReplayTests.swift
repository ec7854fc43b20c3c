import Foundation
@testable import KeyWardenFuzzTargets
import KeyWardenMatching
import KeyWardenTestSupport
import Testing

/// `make test` replays what the fuzzer keeps: every target on its seeds, on each crashing input
/// saved under Tests/Fuzz/regressions/<target>/, and on a short fixed-seed mutation run. A crash
/// here is a regression (the process dies, and the run fails).
@Suite struct FuzzReplayTests {
    static let regressions = PackagePaths.root + "/Tests/Fuzz/regressions"

    @Test(arguments: FuzzTargets.all.map(\.name))
    func seedsSavedCrashesAndAShortMutationRunDoNotCrash(target name: String) throws {
        // The matcher target's catalogue comes from the run's cache, as the CLI tests' does.
        FuzzTargets.ruleCache.withLock { $0 = CompiledRuleSetCache(directory: TestRunCache.directory) }
        let target = try #require(FuzzTargets.named(name))
        let seeds = target.seeds(root: PackagePaths.root)
        #expect(!seeds.isEmpty, "\(name) has no seeds")
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: Self.regressions + "/" + name)) ?? []
        for file in saved.sorted() {
            target.run(try #require(FileManager.default.contents(atPath: Self.regressions + "/" + name + "/" + file)))
        }
        var session = FuzzSession(target: target, seeds: seeds)
        session.hangSeconds = nil  // a test run on a loaded machine is slow, not hung; the suite has its own limits
        let count = session.run(seed: 20_261_128, iterations: seeds.count + 300)
        #expect(count == seeds.count + 300)
    }

    @Test func theMutatorIsDeterministic() {
        var first = Mutator(seed: 7), second = Mutator(seed: 7)
        let input = Array("key: value\nlist: [1, 2]\n".utf8)
        for _ in 0..<50 { #expect(first.mutate(input, other: input) == second.mutate(input, other: input)) }
    }
}
