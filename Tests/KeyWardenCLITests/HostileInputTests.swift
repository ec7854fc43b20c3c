import Foundation
import KeyWardenTestSupport
import Testing

/// Inputs a scan meets in real trees: none may crash it, and every skip is said.
@Suite struct HostileInputTests {
    static let token = "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"

    func hostileTree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("empty.txt", "")
        try directory.write("image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]))
        try directory.write("latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x20]) + Data("t = \(Self.token)\n".utf8))
        try directory.write("minified.js", String(repeating: "abcdefghij", count: 500_000) + " t=\(Self.token)")
        try directory.write("loop/readme.txt", "nothing here\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/loop/again", withDestinationPath: directory.path + "/loop")
        return directory
    }

    @Test func aHostileTreeCompletesAndSaysWhatWasSkipped() throws {
        let directory = try hostileTree()
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "json", "--follow-symlinks", "--verbose"])
        #expect(outcome.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["path"] as? String }.sorted() == [directory.path + "/latin1.txt", directory.path + "/minified.js"])
        let latin = try #require(findings.first { ($0["path"] as? String)?.hasSuffix("latin1.txt") == true })
        #expect(latin["column"] as? Int == 10, "columns count code points; the invalid byte counts as one")
        #expect(outcome.stderr.contains("skipped \(directory.path)/image.png: binary file"))
        #expect(outcome.stderr.contains("skipped \(directory.path)/loop/again: symbolic link loop"))
    }

    @Test func withoutFollowingSymlinksTheLinkIsNoted() throws {
        let directory = try hostileTree()
        let outcome = try CLIHarness.run(["scan", directory.path, "--verbose"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("skipped \(directory.path)/loop/again: symbolic link not followed"))
        let quiet = try CLIHarness.run(["scan", directory.path, "--quiet"])
        #expect(!quiet.stderr.contains("note:"))
    }

    @Test func aFileOverTheSizeLimitIsSkippedWithAWarning() throws {
        let directory = try TemporaryDirectory()
        try directory.write("big.txt", String(repeating: "a", count: 4096))
        let outcome = try CLIHarness.run(["scan", directory.path, "--max-file-size", "1K"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("warning: skipped \(directory.path)/big.txt: file too large (4096 bytes, limit 1024"))
    }

    /// Root reads every file, so the unreadable case runs the scan as an unprivileged user.
    @Test func anUnreadableFileIsAWarningAndTheScanGoesOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("locked.txt", "t = \(Self.token)\n")
        try directory.write("open.txt", "t = \(Self.token)\n")
        chmod(directory.path + "/locked.txt", 0o000)
        if getuid() == 0 {
            // The tree must be reachable by `nobody`.
            chmod(directory.path, 0o755)
            chmod(directory.path + "/open.txt", 0o644)
        }
        let outcome = try CLIHarness.runUnprivileged(["scan", directory.path])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: skipped \(directory.path)/locked.txt: unreadable: Permission denied"))
        #expect(outcome.stdout.contains("\(directory.path)/open.txt"))
    }
}
