import Foundation
import KeyWardenTestSupport
import Testing

@Suite struct TestRunDirectoriesTests {
    /// An ended run's directories go; a live run's (this one's) and other names stay.
    @Test func theEndedRunsDirectoriesAreRemovedAndTheLiveOnesKept() throws {
        let temporary = try TemporaryDirectory()
        let ended = try ProcessRunner.run("/bin/sh", ["-c", "echo $$"], in: temporary.path, environment: [:])
        let endedPID = try #require(Int32(ended.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let names = ["keywarden-tests-cache-\(endedPID)", "keywarden-cli-tests-nobody-\(endedPID)",
                     "keywarden-tests-cache-\(getpid())", "keywarden-tests-cache-notapid", "other-\(endedPID)"]
        for name in names { try temporary.write(name + "/keywarden/entry.hsdb", "x") }
        TestRunDirectories.sweepEndedRuns(in: temporary.path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: temporary.path))
        #expect(left == ["keywarden-tests-cache-\(getpid())", "keywarden-tests-cache-notapid", "other-\(endedPID)"])
    }
}
