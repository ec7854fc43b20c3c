import Foundation
import KeyWardenTestSupport
import Testing

/// A big tree's expected skips fit in one line; --verbose lists them; warnings stay individual.
@Suite struct SkipSummaryTests {
    func tree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for index in 0..<40 { try directory.write("assets/image\(index).png", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, UInt8(index)])) }
        try directory.write("docs/readme.md", "nothing here\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/docs/link.md", withDestinationPath: "readme.md")
        try directory.write("big.txt", String(repeating: "a", count: 4096))
        return directory
    }

    @Test func expectedSkipsAreOneLineAndWarningsStayIndividual() throws {
        let directory = try tree()
        let outcome = try CLIHarness.run(["scan", directory.path, "--max-file-size", "1K"])
        #expect(outcome.status == 0)
        let notes = outcome.stderr.split(separator: "\n").filter { $0.contains("note:") }
        #expect(notes == ["keywarden: note: skipped 40 binary files, 1 symbolic link not followed; --verbose lists them"], "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: skipped \(directory.path)/big.txt: file too large"))
        #expect(outcome.stderr.split(separator: "\n").count == 2, "\(outcome.stderr)")
    }

    @Test func verboseListsEveryOneAndQuietNone() throws {
        let directory = try tree()
        let verbose = try CLIHarness.run(["scan", directory.path, "--verbose"])
        #expect(verbose.stderr.split(separator: "\n").filter { $0.contains("note: skipped \(directory.path)/assets/") }.count == 40)
        #expect(!verbose.stderr.contains("--verbose lists them"))
        let quiet = try CLIHarness.run(["scan", directory.path, "--quiet"])
        #expect(!quiet.stderr.contains("note:"))
    }

    @Test func noProgressLineWhenStderrIsNotATerminal() throws {
        let directory = try tree()
        let outcome = try CLIHarness.run(["scan", directory.path])
        #expect(!outcome.stderr.contains("\u{1B}[2K"))
        #expect(!outcome.stderr.contains("scanning:"))
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`, its log in a temporary file) the
    /// progress line is drawn and cleared before the report; with `CI` set it is not drawn.
    @Test(arguments: [false, true])
    func aTerminalShowsProgressUnlessInCI(inCI: Bool) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let directory = try tree()
        let log = directory.path + "/typescript.txt"
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = inCI ? "true" : nil
        let outcome = try ProcessRunner.run("/usr/bin/script", ["-q", "-c", "\(CLIHarness.binary) scan \(directory.path)/docs", log],
                                            in: directory.path, environment: environment)
        #expect(outcome.status == 0)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("keywarden: scanning: 1/1 files") == !inCI, "\(text)")
        #expect(text.contains("no secrets found"))
    }
}
