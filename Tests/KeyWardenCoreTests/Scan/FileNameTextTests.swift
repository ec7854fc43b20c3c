import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import KeyWardenInputs
@testable import KeyWardenScan
import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// A file name that is not UTF-8 is named the same way by every kind of scan: the directory
/// walk, the history (git log), the staged diff and git's ignored files.
@Suite struct FileNameTextTests {
    let keyA = "AKIAQWERTY7ABCD2EFGH"
    let keyB = "AKIAZ3KQ7PLM2XWRT5NB"
    /// `bad\xFF\xFEname.env` and `bad\xFF\xFDname.env`: each its own file, neither UTF-8.
    let first: [UInt8] = Array("bad".utf8) + [0xFF, 0xFE] + Array("name.env".utf8)
    let second: [UInt8] = Array("bad".utf8) + [0xFF, 0xFD] + Array("name.env".utf8)

    /// Writes `text` to the file named by the bytes `name` in `directory`.
    func write(_ name: [UInt8], _ text: String, in directory: String) throws {
        let descriptor = open(cString(Array(directory.utf8) + [0x2F] + name), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
    }

    @Test func everyScanNamesTheFileAlikeAndKeepsTheTwoApart() throws {
        let repo = try GitTestRepository()
        try write(first, "KEY=\(keyA)\n", in: repo.path)
        try write(second, "KEY=\(keyB)\n", in: repo.path)
        try repo.commit("two files with names that are not UTF-8")
        let names = ["bad\\xFF\\xFEname.env", "bad\\xFF\\xFDname.env"]

        let history = try GitHistoryScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20).scan(repo.repository())
        #expect(Set(history.findings.map(\.path)) == Set(names))

        let files = try DirectorySource(roots: [repo.path]).entries().files
        let directory = try ScanPipeline(scanner: builtinScanner()).run(FileSource(files: files, maxFileSize: 1 << 20))
        #expect(Set(directory.findings.map { String($0.path.dropFirst(repo.path.count + 1)) }) == Set(names))

        try write(first, "KEY=\(keyA)\nOTHER=\(keyB)\n", in: repo.path)
        _ = try repo.git(["add", "-A"])
        let staged = try StagedScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20).scan(repo.repository())
        #expect(staged.findings.map(\.path) == [names[0]])
    }

    @Test func gitIgnoredNamesMatchTheWalksNames() throws {
        let repo = try GitTestRepository()
        try write(first, "KEY=\(keyA)\n", in: repo.path)
        try repo.write(".gitignore", "bad*\n")
        let ignored = try #require(GitIgnoredPaths.load(root: repo.path))
        let walked = try DirectorySource(roots: [repo.path]).entries().files.map(\.relativePath)
        #expect(walked.contains("bad\\xFF\\xFEname.env"))
        #expect(walked.filter { ignored.ignores($0) } == ["bad\\xFF\\xFEname.env"])
    }
}
