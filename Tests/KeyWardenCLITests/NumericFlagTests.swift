import Foundation
import KeyWardenTestSupport
import Testing

/// Numbers on the command line are parsed with bounds: out of range is a usage error (exit 2)
/// that names the flag, never an arithmetic trap.
@Suite struct NumericFlagTests {
    @Test(arguments: ["inf", "nan", "1e30", "0", "-1"])
    func anUnboundedTimeoutIsAUsageError(value: String) throws {
        let outcome = try CLIHarness.run(["inventory", "fetch", "--provider", "okx", "--timeout=\(value)"])
        #expect(outcome.status == 2, "\(value): \(outcome.stderr)")
        #expect(outcome.stderr.contains("--timeout must be between 0 and 3600 seconds"), "\(value): \(outcome.stderr)")
    }

    @Test func tooManyAttemptsIsAUsageError() throws {
        let outcome = try CLIHarness.run(["inventory", "fetch", "--provider", "okx", "--max-attempts", "9223372036854775807"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--max-attempts must be between 1 and 100"), "\(outcome.stderr)")
    }

    @Test(arguments: ["9223372036854775807K", "99999999999999999999", "-1M"])
    func aSizeThatOverflowsIsAUsageError(value: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "nothing\n")
        let outcome = try CLIHarness.run(["scan", directory.path, "--max-file-size=\(value)"])
        #expect(outcome.status == 2, "\(value): \(outcome.stderr)")
        #expect(outcome.stderr.contains("is invalid for '--max-file-size <size>'"), "\(value): \(outcome.stderr)")
    }
}
