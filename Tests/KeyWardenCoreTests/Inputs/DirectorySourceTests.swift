import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

@Suite struct DirectorySourceTests {
    @Test func walksSortedSkippingGitDirectoriesAndConfiguredGlobs() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b.txt", "b")
        try directory.write("a/z.txt", "z")
        try directory.write(".git/config", "x")
        try directory.write("vendor/lib.txt", "v")
        let source = DirectorySource(roots: [directory.path], skip: { PathGlob("vendor/").matches($0) })
        let files = try source.entries().files.map(\.relativePath)
        #expect(files == ["a/z.txt", "b.txt"])
    }

    @Test func symlinksAreNotFollowedByDefault() throws {
        let directory = try TemporaryDirectory()
        try directory.write("real/secret.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link", withDestinationPath: directory.path + "/real")
        let listing = try DirectorySource(roots: [directory.path]).entries()
        #expect(listing.files.map(\.relativePath) == ["real/secret.txt"])
        #expect(listing.skipped.map(\.reason) == [.symlinkNotFollowed])
    }

    @Test func followingASymlinkLoopEnds() throws {
        let directory = try TemporaryDirectory()
        try directory.write("d/file.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/d/loop", withDestinationPath: directory.path + "/d")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/self", withDestinationPath: directory.path + "/self")
        let listing = try DirectorySource(roots: [directory.path], followSymlinks: true).entries()
        #expect(listing.files.map(\.relativePath) == ["d/file.txt"])
        #expect(Set(listing.skipped.map(\.reason)) == [.symlinkLoop])
        #expect(listing.skipped.count == 2)
    }

    @Test func filesAreOpenedByNameInTheDirectoryTheWalkKeptOpen() throws {
        let directory = try TemporaryDirectory()
        try directory.write("project/src/config.env", "token=1")
        try directory.write("project/readme.txt", "hello")
        let files = try DirectorySource(roots: [directory.path + "/project"]).entries().files
        #expect(files.allSatisfy { $0.directory != nil })
        // The walked paths are gone; the open directories still hold the files.
        try FileManager.default.moveItem(atPath: directory.path + "/project", toPath: directory.path + "/moved")
        let contents = files.map { entry -> String in
            guard case let .text(bytes) = FileContent.read(entry, maxSize: 1 << 20) else { return "unread" }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(contents == ["hello", "token=1"])
        // Without the directory, by path: now unreadable.
        let byPath = files.map { DirectorySource.Entry(path: $0.path, relativePath: $0.relativePath, fileSystemPath: $0.fileSystemPath) }
        #expect(byPath.allSatisfy { if case .skipped(.unreadable) = FileContent.read($0, maxSize: 1 << 20) { true } else { false } })
        #expect(files == byPath) // the same files, however opened
    }

    /// A tree nested deeper than the walk goes is skipped below that depth, and said so once;
    /// files above it are found (a 30,000-deep tree overflowed the walk's stack before).
    @Test func directoriesNestedTooDeeplyAreSkippedAndReported() throws {
        let directory = try TemporaryDirectory()
        let limit = 1_000  // DirectorySource's maximum depth, the root being the first level
        let nested = Array(repeating: "d", count: limit + 4).joined(separator: "/")
        try FileManager.default.createDirectory(atPath: directory.path + "/" + nested, withIntermediateDirectories: true)
        let atLimit = Array(repeating: "d", count: limit - 1).joined(separator: "/") + "/deepest.txt"
        try directory.write("top.txt", "x")
        try directory.write(atLimit, "x")
        try directory.write(nested + "/too-deep.txt", "x")

        let listing = try DirectorySource(roots: [directory.path]).entries()
        #expect(listing.files.map(\.relativePath).sorted() == [atLimit, "top.txt"].sorted())
        #expect(listing.skipped.count == 1)
        #expect(listing.skipped.first?.path.hasSuffix("/" + Array(repeating: "d", count: limit).joined(separator: "/")) == true)
        #expect(listing.skipped.first?.reason == .unreadable("nested more than \(limit) directories deep"))
    }

    @Test func aMissingRootIsAnError() throws {
        #expect(throws: DirectorySource.MissingRoot.self) { try DirectorySource(roots: ["/no/such/dir"]).entries() }
    }

    @Test func binaryEmptyOversizedAndInvalidUTF8Files() throws {
        let directory = try TemporaryDirectory()
        let binary = try directory.write("image.bin", Data([0x89, 0x50, 0x00, 0x01]))
        let empty = try directory.write("empty.txt", "")
        let large = try directory.write("large.txt", String(repeating: "a", count: 2048))
        let latin = try directory.write("latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x0A]))
        guard case .skipped(.binary) = FileContent.read(path: binary, maxSize: 1 << 20) else { Issue.record("binary"); return }
        guard case let .text(bytes) = FileContent.read(path: empty, maxSize: 1 << 20), bytes.isEmpty else { Issue.record("empty"); return }
        guard case .skipped(.tooLarge(2048, 1024)) = FileContent.read(path: large, maxSize: 1024) else { Issue.record("large"); return }
        guard case let .text(text) = FileContent.read(path: latin, maxSize: 1 << 20), text.count == 5 else { Issue.record("latin1"); return }
    }

    @Test func scanningReportsSkippedFilesAndCountsBytes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("ok.txt", "token = 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\n")
        try directory.write("blob.bin", Data([0, 1, 2]))
        let files = try DirectorySource(roots: [directory.path]).entries().files
        let result = try ScanPipeline(scanner: builtinScanner()).run(FileSource(files: files, maxFileSize: 1 << 20))
        #expect(result.findings.map(\.rule) == ["github-token"])
        #expect(result.filesScanned == 1)
        #expect(result.skipped.map(\.reason) == [.binary])
    }
}
