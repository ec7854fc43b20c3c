import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KeyWardenTestSupport
import Testing

/// Special files, odd names and sizes a tree can hold: none may hang, trap or hide a file.
@Suite struct SpecialFileInputTests {
    static let token = "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"

    /// Runs the scan under coreutils `timeout`, so a scan that blocks fails the test (exit 124)
    /// instead of hanging the suite.
    func boundedScan(_ arguments: [String]) throws -> CLIHarness.Outcome {
        CLIHarness.builtinRulesCompiled
        // --verbose: these tests read the skip notes one by one.
        return try CLIHarness.run(["30", CLIHarness.binary] + arguments + ["--verbose"], executable: "/usr/bin/timeout")
    }

    /// Opening a FIFO for reading blocks until a writer comes; the same happens when a file the
    /// walk listed is swapped for a FIFO before it is read, which is what naming it does.
    @Test func aFIFONamedOrInATreeIsSkippedWithoutBlocking() throws {
        let directory = try TemporaryDirectory()
        try directory.write("leak.env", "t = \(Self.token)\n")
        #expect(mkfifo(directory.path + "/pipe", 0o600) == 0)
        let named = try boundedScan(["scan", directory.path + "/pipe", directory.path + "/leak.env"])
        #expect(named.status == 1, "\(named.status) \(named.stderr)")
        #expect(named.stderr.contains("skipped \(directory.path)/pipe: not a regular file"))
        let walked = try boundedScan(["scan", directory.path])
        #expect(walked.status == 1)
        #expect(walked.stderr.contains("skipped \(directory.path)/pipe: not a regular file"))
    }

    @Test func aUnixSocketInATreeIsSkipped() throws {
        let directory = try TemporaryDirectory()
        let socketPath = directory.path + "/agent.sock"
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let outcome = try boundedScan(["scan", directory.path, socketPath])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("skipped \(socketPath): not a regular file"))
    }

    /// A name that is not UTF-8 (Latin-1 "é") is scanned, shown with the byte escaped.
    @Test func aFileNameThatIsNotUTF8IsScanned() throws {
        let directory = try TemporaryDirectory()
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".env".utf8)
        let path = Array(directory.path.utf8) + [0x2F] + name
        let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(descriptor >= 0)
        let content = Array("GITHUB_TOKEN=\(Self.token)\n".utf8)
        #expect(write(descriptor, content, content.count) == content.count)
        close(descriptor)
        let outcome = try boundedScan(["scan", directory.path, "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("No such file"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["path"] as? String } == [directory.path + "/caf\\xE9.env"])
    }

    /// The matcher takes at most 4 GiB - 1 bytes; a larger file is skipped by its size before a
    /// byte is read, whatever --max-file-size allows. Sparse: it takes no disk space.
    @Test func aFileOfFourGiBIsSkippedBySize() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("huge.log", "t = \(Self.token)\n")
        #expect(truncate(path, 1 << 32) == 0)
        let outcome = try boundedScan(["scan", directory.path, "--max-file-size", "8G"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: skipped \(path): file too large (4294967296 bytes, limit 4294967295"))
    }

    @Test func anUnreadableFileOrDirectoryNamedOnTheCommandLineExitsThree() throws {
        let directory = try TemporaryDirectory()
        chmod(directory.path, 0o755)
        let file = try directory.write("locked.env", "t = \(Self.token)\n")
        chmod(file, 0o000)
        let locked = directory.path + "/closed"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        try directory.write("closed/inner.env", "t = \(Self.token)\n")
        chmod(locked, 0o000)
        defer { chmod(locked, 0o755) }

        let fileOutcome = try CLIHarness.runUnprivileged(["scan", file])
        #expect(fileOutcome.status == 3, "\(fileOutcome.stderr)")
        #expect(fileOutcome.stderr.contains("cannot read \(file): Permission denied"))
        let directoryOutcome = try CLIHarness.runUnprivileged(["scan", locked])
        #expect(directoryOutcome.status == 3, "\(directoryOutcome.stderr)")
        // Inside a tree that was asked for, the same file is a warning and the scan goes on.
        let tree = try CLIHarness.runUnprivileged(["scan", directory.path])
        #expect(tree.status == 0, "\(tree.stderr)")
        #expect(tree.stderr.contains("warning: skipped \(file): unreadable"))
    }
}

/// Text in the encodings editors and Windows tools write is scanned like UTF-8.
@Suite struct TextEncodingInputTests {
    static let token = SpecialFileInputTests.token
    static let text = "# settings\nGITHUB_TOKEN=\(token)\n"

    /// (file name, bytes) for each encoding, with and without a byte order mark.
    static func encoded(_ text: String) -> [(String, Data)] {
        let scalars = text.unicodeScalars.map(\.value)
        func utf16(_ bigEndian: Bool) -> [UInt8] {
            Array(text.utf16).flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        func utf32(_ bigEndian: Bool) -> [UInt8] {
            scalars.flatMap { value -> [UInt8] in
                let bytes = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
                return bigEndian ? bytes.reversed() : bytes
            }
        }
        return [
            ("utf16le-bom.env", Data([0xFF, 0xFE] + utf16(false))),
            ("utf16be-bom.env", Data([0xFE, 0xFF] + utf16(true))),
            ("utf16le.env", Data(utf16(false))),
            ("utf16be.env", Data(utf16(true))),
            ("utf32le-bom.env", Data([0xFF, 0xFE, 0, 0] + utf32(false))),
            ("utf32be-bom.env", Data([0, 0, 0xFE, 0xFF] + utf32(true))),
            ("utf32le.env", Data(utf32(false))),
            ("utf32be.env", Data(utf32(true))),
        ]
    }

    func findings(_ outcome: CLIHarness.Outcome) throws -> [[String: Any]] { try CLIHarness.findings(outcome) }

    /// (rule, line, column, fingerprint) of each finding, the part that must not depend on encoding.
    func placed(_ findings: [[String: Any]]) -> [String] {
        findings.map { "\($0["rule"] ?? "") \($0["line"] ?? "") \($0["column"] ?? "") \($0["fingerprint"] ?? "")" }.sorted()
    }

    @Test func wideTextFilesAreDecodedAndScanned() throws {
        let directory = try TemporaryDirectory()
        try directory.write("utf8.env", Self.text)
        for (name, data) in Self.encoded(Self.text) { try directory.write(name, data) }
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "json"])
        #expect(outcome.status == 1)
        #expect(!outcome.stderr.contains("binary file"), "\(outcome.stderr)")
        let all = try findings(outcome)
        let reference = placed(all.filter { ($0["path"] as? String)?.hasSuffix("/utf8.env") == true })
        #expect(reference.count == 1)
        for (name, _) in Self.encoded(Self.text) {
            #expect(placed(all.filter { ($0["path"] as? String)?.hasSuffix("/" + name) == true }) == reference, "\(name)")
        }
    }

    @Test func binaryContentIsStillBinary() throws {
        let directory = try TemporaryDirectory()
        // NUL-interleaved, but with control bytes no text has, and an unpaired surrogate.
        try directory.write("table.bin", Data([0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00]))
        try directory.write("broken.txt", Data([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]))
        let outcome = try CLIHarness.run(["scan", directory.path, "--verbose"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("skipped \(directory.path)/table.bin: binary file"))
        #expect(outcome.stderr.contains("skipped \(directory.path)/broken.txt: binary file"))
    }

    @Test func crlfGivesTheFindingsOfLF() throws {
        let directory = try TemporaryDirectory()
        let lines = ["# settings", "GITHUB_TOKEN=\(Self.token)", "export GITHUB_TOKEN=\"\(Self.token)\"", "token: \(Self.token)", ""]
        try directory.write("lf/app.env", lines.joined(separator: "\n"))
        try directory.write("crlf/app.env", lines.joined(separator: "\r\n"))
        let lf = try findings(try CLIHarness.run(["scan", directory.path + "/lf", "--format", "json"]))
        let crlf = try findings(try CLIHarness.run(["scan", directory.path + "/crlf", "--format", "json"]))
        #expect(!lf.isEmpty)
        #expect(placed(crlf) == placed(lf))
    }

    @Test func wideTextInGitHistoryAndTheIndexIsScanned() throws {
        let repo = try GitCLIHarness.repository()
        let (name, data) = Self.encoded(Self.text)[0]
        try repo.directory.write(name, data)
        try GitCLIHarness.git(["add", name], in: repo.path)
        #expect(try GitCLIHarness.keywarden(["scan", "--staged"], in: repo.path).status == 1)
        try GitCLIHarness.git(["commit", "-q", "-m", "wide"], in: repo.path)
        let history = try GitCLIHarness.keywarden(["scan", "--git"], in: repo.path)
        #expect(history.status == 1)
        #expect(history.stdout.contains(name))
    }
}
