import Crypto
import Foundation
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

@Suite struct StagedScannerTests {
    let oldKey = "AKIAQWERTY7ABCD2EFGH"
    let newKey = "AKIAZ3KQ7PLM2XWRT5NB"

    func scanStaged(_ repo: GitTestRepository) throws -> ScanResult {
        try StagedScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20).scan(repo.repository())
    }

    /// A repository whose HEAD has `settings.env` holding `oldKey` on line 2.
    func repositoryWithOldSecret() throws -> GitTestRepository {
        let repo = try GitTestRepository()
        try repo.write("settings.env", "REGION=eu\nKEY=\(oldKey)\nDEBUG=0\n")
        try repo.commit("start")
        return repo
    }

    @Test func findsASecretInANewFile() throws {
        let repo = try repositoryWithOldSecret()
        try repo.write("src/new.env", "a=1\nKEY=\(newKey)\n")
        try repo.git(["add", "src/new.env"])

        let findings = try scanStaged(repo).findings
        #expect(findings.map(\.path) == ["src/new.env"])
        #expect(findings.map(\.line) == [2])
    }

    /// A small change is read ahead in memory, a large one streamed by the workers: both find
    /// the same secrets at the same places, and each path gets its own file's findings.
    @Test func readAheadAndStreamedChangesFindTheSameSecrets() throws {
        for count in [3, StagedChanges.readAheadLimit + 5] {
            let repo = try repositoryWithOldSecret()
            for index in 0..<count {
                try repo.write("conf/app\(index).env", index.isMultiple(of: 2) ? "a=\(index)\nKEY=\(newKey)\n" : "a=\(index)\n")
            }
            try repo.git(["add", "conf"])
            let staged = try StagedChanges.read(repo.repository(), maxBlobSize: 1 << 20)
            #expect((staged.contents != nil) == (count <= StagedChanges.readAheadLimit))
            let findings = try StagedScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20).scan(repo.repository(), staged: staged).findings
            let expected = (0..<count).filter { $0.isMultiple(of: 2) }.map { "conf/app\($0).env" }.sorted()
            #expect(findings.map(\.path).sorted() == expected)
            #expect(Set(findings.map(\.line)) == [2])
        }
    }

    /// The configuration files a pre-commit scan takes from the index are read by the git that
    /// reads the staged blobs: the index's copies (not the work tree's), nothing for a path the
    /// index lacks, and the blobs still read ahead after them, each with its own content.
    @Test func indexFilesAreReadWithTheStagedBlobs() throws {
        let repo = try repositoryWithOldSecret()
        try repo.write(".keywarden.yaml", "skipPaths: [\"vendor/**\"]\n")
        try repo.write("src/new.env", "KEY=\(newKey)\n")
        try repo.git(["add", "-A"])
        try repo.write(".keywarden.yaml", "skipPaths: [\"**\"]\n")  // unstaged: not what the commit records

        let staged = try StagedChanges.read(repo.repository(), maxBlobSize: 1 << 20, indexPaths: [".keywarden.yaml", ".gitleaksignore"])
        #expect(staged.indexFiles == [".keywarden.yaml": Array("skipPaths: [\"vendor/**\"]\n".utf8)])
        let contents = try #require(staged.contents)
        let texts = staged.files.map { file -> String in
            guard case let .text(bytes) = contents[file.blob] else { return "not read ahead" }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(staged.files.map(\.path) == [".keywarden.yaml", "src/new.env"])
        #expect(texts == ["skipPaths: [\"vendor/**\"]\n", "KEY=\(newKey)\n"])
        // The same as reading them with a git of their own.
        #expect(try repo.repository().indexFiles(ScanConfiguration.stagedFileNames) == staged.indexFiles)
        #expect(try StagedChanges.read(repo.repository(), maxBlobSize: 1 << 20).indexFiles == nil)
    }

    @Test func findsASecretOnAnAddedLineOfAModifiedFileButNotTheOldOne() throws {
        let repo = try repositoryWithOldSecret()
        try repo.write("settings.env", "REGION=eu\nKEY=\(oldKey)\nDEBUG=0\nOTHER=\(newKey)\n")
        try repo.git(["add", "settings.env"])

        let findings = try scanStaged(repo).findings
        #expect(findings.map(\.secret) == [newKey])
        #expect(findings.map(\.line) == [4])
    }

    @Test func oldSecretOnAnUntouchedLineIsNotReportedAgain() throws {
        let repo = try repositoryWithOldSecret()
        try repo.write("settings.env", "REGION=us\nKEY=\(oldKey)\nDEBUG=1\n")
        try repo.git(["add", "settings.env"])

        let result = try scanStaged(repo)
        #expect(result.findings.isEmpty)
        #expect(result.filesScanned == 1)
    }

    @Test func aChangedLineWithASecretIsReported() throws {
        let repo = try repositoryWithOldSecret()
        try repo.write("settings.env", "REGION=eu\nKEY=\(oldKey) # rotated soon\nDEBUG=0\n")
        try repo.git(["add", "settings.env"])

        #expect(try scanStaged(repo).findings.map(\.line) == [2])
    }

    @Test func readsTheStagedContentNotTheWorkTree() throws {
        let repo = try repositoryWithOldSecret()
        try repo.write("staged.env", "KEY=\(newKey)\n")
        try repo.git(["add", "staged.env"])
        try repo.write("staged.env", "KEY=removed-after-staging\n")
        try repo.write("unstaged.env", "KEY=\(newKey)\n")
        try repo.write("settings.env", "REGION=eu\nKEY=\(oldKey)\nDEBUG=0\nNEW=\(newKey)\n")

        let findings = try scanStaged(repo).findings
        #expect(findings.map(\.path) == ["staged.env"])
    }

    @Test func aPureRenameAddsNoLines() throws {
        let repo = try repositoryWithOldSecret()
        try repo.git(["mv", "settings.env", "renamed.env"])

        let result = try scanStaged(repo)
        #expect(result.findings.isEmpty)
    }

    @Test func deletionsAndUnstagedRepositoriesHaveNothingToReport() throws {
        let repo = try repositoryWithOldSecret()
        #expect(try scanStaged(repo).filesScanned == 0)
        try repo.git(["rm", "-q", "settings.env"])
        #expect(try scanStaged(repo).filesScanned == 0)
    }

    @Test func theFirstCommitOfARepositoryIsScanned() throws {
        let repo = try GitTestRepository()
        try repo.write("first.env", "KEY=\(newKey)\n")
        try repo.git(["add", "first.env"])

        #expect(try scanStaged(repo).findings.map(\.path) == ["first.env"])
    }

    @Test func aMultiLineSecretIsSeenWholeWhenOneOfItsLinesIsAdded() throws {
        let repo = try GitTestRepository()
        // A whole key (the private-key validator decodes the body), made for the test.
        let pem = P256.Signing.PrivateKey().pemRepresentation + "\n"
        try repo.write("key.pem", pem.replacingOccurrences(of: "-----END PRIVATE KEY-----\n", with: ""))
        try repo.commit("half a key")
        try repo.write("key.pem", pem)
        try repo.git(["add", "key.pem"])

        let findings = try scanStaged(repo).findings
        #expect(findings.map(\.rule) == ["private-key-pem"])
    }

    @Test func scanFromASubdirectoryCoversTheWholeIndexWhateverTheConfiguration() throws {
        let repo = try repositoryWithOldSecret()
        try repo.git(["config", "diff.relative", "true"])
        try repo.git(["config", "diff.noprefix", "true"])
        try repo.write("sub/readme.txt", "hello\n")
        try repo.write("top.env", "KEY=\(newKey)\n")
        try repo.git(["add", "-A"])

        let scanner = StagedScanner(scanner: try builtinScanner(), maxBlobSize: 1 << 20)
        let findings = try scanner.scan(GitRepository(at: repo.path + "/sub")).findings
        #expect(findings.map(\.path) == ["top.env"])
    }

    @Test func hunkHeadersGiveTheAddedLines() {
        #expect(AddedLines.hunk(header: Array("@@ -3,0 +4,2 @@ ctx".utf8))?.added == 4...5)
        #expect(AddedLines.hunk(header: Array("@@ -3 +3 @@".utf8))?.added == 3...3)
        #expect(AddedLines.hunk(header: Array("@@ -3,2 +2,0 @@".utf8))?.added == nil)
        #expect(AddedLines.hunk(header: Array("@@ garbage".utf8)) == nil)
    }

    @Test func hunkBodiesAreSkippedByCountSoContentNeverLooksLikeAHeader() {
        let patch = "diff --git a/x b/x\n@@ -1 +1,2 @@\n-old\n+diff --git a/y b/y\n+@@ -9 +9,9 @@\ndiff --git a/z b/z\n@@ -0,0 +1 @@\n+z\n"
        let sections = StagedChangesSource.addedLinesPerSection(Array(patch.utf8))
        #expect(sections == [AddedLines(ranges: [1...2]), AddedLines(ranges: [1...1])])
    }
}
