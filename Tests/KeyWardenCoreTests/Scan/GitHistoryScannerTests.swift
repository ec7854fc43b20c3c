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
import Synchronization
import Testing

@Suite struct GitHistoryScannerTests {
    let keyA = "AKIAQWERTY7ABCD2EFGH"
    let keyB = "AKIAZ3KQ7PLM2XWRT5NB"

    func scan(_ repository: GitTestRepository, selection: GitRevisionSelection = GitRevisionSelection(),
              maxBlobSize: Int = 1 << 20) throws -> ScanResult {
        try GitHistoryScanner(scanner: builtinScanner(), maxBlobSize: maxBlobSize).scan(repository.repository(), selection: selection)
    }

    @Test func secretAddedThenDeletedIsAttributedToTheAddingCommitAndNotPresentAtHead() throws {
        let repo = try GitTestRepository()
        try repo.write("README.md", "hello\n")
        try repo.commit("start")
        try repo.write("config/aws.env", "region=eu\nAWS_ACCESS_KEY_ID=\(keyA)\n")
        let adding = try repo.commit("add aws config")
        try repo.remove("config/aws.env")
        try repo.commit("remove it")

        let findings = try scan(repo).findings
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "aws-access-key-id")
        #expect((finding.path, finding.line, finding.column) == ("config/aws.env", 2, 19))
        let git = try #require(finding.git)
        #expect(git.commit == adding)
        #expect((git.author, git.email) == ("Ada Author", "ada@example.org"))
        #expect(git.date == Date(timeIntervalSince1970: 1_767_225_660))
        #expect(git.presentAtHead == false)
    }

    @Test func secretStillInHeadIsPresentAtHeadEvenInAnotherFile() throws {
        let repo = try GitTestRepository()
        try repo.write("a.env", "KEY=\(keyA)\n")
        try repo.commit("add")
        try repo.remove("a.env")
        try repo.write("moved/b.env", "# moved\nKEY=\(keyA)\n")
        try repo.commit("move by hand")

        let findings = try scan(repo).findings
        #expect(findings.map(\.path) == ["a.env", "moved/b.env"])
        #expect(findings.allSatisfy { $0.git?.presentAtHead == true })
    }

    /// A blob is read as soon as `git log` lists it; a later commit may add a path that changes
    /// what the scan reads (here a rule scoped to `.esmtprc`). Such a blob is read again with
    /// all its paths: the same findings as if every path had been known from the start.
    @Test func aBlobReadBeforeItsLaterPathIsListedIsReadAgainWhenThatPathMatters() throws {
        let repo = try GitTestRepository()
        let mail = "identity ops@example.net\n    password \"Rj4kW9tQzN2vXc7L\"\n"
        try repo.write("notes/mail.txt", mail)
        try repo.write("notes/other.txt", "nothing here\n")
        try repo.commit("notes")
        try repo.write(".esmtprc", mail)
        try repo.write("docs/copy.txt", "nothing here\n")
        try repo.commit("the same file where esmtp reads it")
        let scanner = try GitHistoryScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20)
        let attribution = try BlobAttribution.read(repo.repository())
        let source = HistorySource(repository: try repo.repository(), blobs: attribution.blobs, introductions: attribution.introductions,
                                   commits: attribution.commits, maxBlobSize: 1 << 20, presentAtHead: [])
        // What the scan read when each blob knew only its first path.
        let firstPathsOnly = HistorySource(repository: source.repository, blobs: source.blobs,
                                           introductions: source.introductions.mapValues { Array($0.prefix(1)) },
                                           commits: source.commits, maxBlobSize: 1 << 20, presentAtHead: [])
        var outcomes = try ScanPipeline(scanner: scanner.scanner).read(firstPathsOnly)
        let early = ScanPipeline(scanner: scanner.scanner).fold(source, outcomes).findings
        #expect(early.isEmpty)
        try scanner.rescanBlobsWithLaterPaths(&outcomes, source: source, pathsWhenRead: Dictionary(uniqueKeysWithValues: source.blobs.indices.map { ($0, 1) }))
        let mended = ScanPipeline(scanner: scanner.scanner).fold(source, outcomes).findings
        let whole = try ScanPipeline(scanner: scanner.scanner).run(source).findings
        #expect(mended.map(\.rule) == ["esmtprc-password", "esmtprc-password"])
        #expect(mended.map(\.path) == whole.map(\.path) && mended.map(\.rule) == whole.map(\.rule))
        // And the streaming scan itself gives the same.
        #expect(try scan(repo).findings.map(\.path) == whole.map(\.path))
    }

    @Test func sameBlobOnTwoBranchesIsReportedOnceAtTheEarliestCommit() throws {
        let repo = try GitTestRepository()
        try repo.write("README.md", "hello\n")
        try repo.commit("start")
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.write("deploy.env", "KEY=\(keyA)\n")
        let first = try repo.commit("feature adds the key")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("deploy.env", "KEY=\(keyA)\n")
        try repo.commit("main adds the same file")

        let findings = try scan(repo).findings
        #expect(findings.count == 1)
        #expect(findings.first?.git?.commit == first)
    }

    @Test func mergeReportsBranchSecretsAtTheirCommitAndConflictResolutionsAtTheMerge() throws {
        let repo = try GitTestRepository()
        try repo.write("settings.env", "MODE=one\n")
        try repo.commit("start")
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.write("settings.env", "MODE=feature\n")
        try repo.write("feature.env", "KEY=\(keyA)\n")
        let featureCommit = try repo.commit("feature work")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("settings.env", "MODE=main\n")
        try repo.commit("main work")
        _ = try? repo.git(["merge", "-q", "feature"])  // conflicts in settings.env
        try repo.write("settings.env", "MODE=merged\nKEY=\(keyB)\n")
        let merge = try repo.commit("merge feature")

        let findings = try scan(repo).findings
        #expect(findings.map(\.path) == ["feature.env", "settings.env"])
        #expect(findings.map(\.git?.commit) == [featureCommit, merge])
        #expect(findings.allSatisfy { $0.git?.presentAtHead == true })
    }

    @Test func renamedFileIsReportedAtBothPathsEachByTheCommitThatPutItThere() throws {
        let repo = try GitTestRepository()
        try repo.write("old.env", "KEY=\(keyA)\n")
        let adding = try repo.commit("add")
        try repo.git(["mv", "old.env", "new.env"])
        let renaming = try repo.commit("rename")

        let findings = try scan(repo).findings
        #expect(findings.map(\.path) == ["new.env", "old.env"])
        #expect(findings.map(\.git?.commit) == [renaming, adding])
        #expect(findings.map(\.fingerprint).allSatisfy { $0 == findings[0].fingerprint })
    }

    @Test func eachUniqueBlobIsScannedOnce() throws {
        let repo = try GitTestRepository()
        try repo.write("a.env", "KEY=\(keyA)\n")
        try repo.write("b.env", "KEY=\(keyA)\n")
        try repo.commit("two paths, one blob")
        try repo.write("c.txt", "unrelated\n")
        try repo.commit("more")

        let result = try scan(repo)
        #expect(result.filesScanned == 2)  // the key blob and c.txt
        #expect(result.findings.map(\.path) == ["a.env", "b.env"])
    }

    @Test func binaryAndOversizedBlobsAreSkipped() throws {
        let repo = try GitTestRepository()
        try repo.directory.write("image.bin", Data([0x89, 0x50, 0x00, 0x01]) + Data("KEY=\(keyA)\n".utf8))
        try repo.write("big.env", String(repeating: "x", count: 2000) + "\nKEY=\(keyB)\n")
        try repo.commit("binary and big")

        let result = try scan(repo, maxBlobSize: 1000)
        #expect(result.findings.isEmpty)
        #expect(result.skipped.map(\.reason) == [.tooLarge(size: 2026, limit: 1000), .binary])
    }

    @Test func bareRepositoryGivesTheSameFindings() throws {
        let repo = try GitTestRepository()
        try repo.write("a.env", "KEY=\(keyA)\n")
        try repo.commit("add")
        let bare = try TemporaryDirectory()
        try repo.git(["clone", "-q", "--bare", repo.path, bare.path + "/copy.git"])

        let scanner = try GitHistoryScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20)
        let findings = try scanner.scan(GitRepository(at: bare.path + "/copy.git")).findings
        #expect(findings.map(\.path) == ["a.env"])
        #expect(findings.first?.git?.commit == (try repo.head()))
        #expect(findings.first?.git?.presentAtHead == true)
    }

    @Test func shallowCloneAttributesOlderContentToItsBoundaryCommit() throws {
        let repo = try GitTestRepository()
        try repo.write("a.env", "KEY=\(keyA)\n")
        try repo.commit("old")
        try repo.write("b.env", "KEY=\(keyB)\n")
        let tip = try repo.commit("new")
        let clone = try TemporaryDirectory()
        try repo.git(["clone", "-q", "--depth", "1", "file://" + repo.path, clone.path + "/shallow"])

        let scanner = try GitHistoryScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20)
        let findings = try scanner.scan(GitRepository(at: clone.path + "/shallow")).findings
        #expect(findings.map(\.path) == ["a.env", "b.env"])
        #expect(findings.allSatisfy { $0.git?.commit == tip })
    }

    @Test func sinceCommitLeavesOutOlderHistory() throws {
        let repo = try GitTestRepository()
        try repo.write("a.env", "KEY=\(keyA)\n")
        let base = try repo.commit("old")
        try repo.write("b.env", "KEY=\(keyB)\n")
        try repo.commit("new")

        let findings = try scan(repo, selection: GitRevisionSelection(sinceCommit: base)).findings
        #expect(findings.map(\.path) == ["b.env"])
    }

    @Test func branchLimitsTheScanToOneRef() throws {
        let repo = try GitTestRepository()
        try repo.write("README.md", "hello\n")
        try repo.commit("start")
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.write("feature.env", "KEY=\(keyA)\n")
        try repo.commit("feature")
        try repo.git(["checkout", "-q", "main"])

        #expect(try scan(repo, selection: GitRevisionSelection(branch: "main")).findings.isEmpty)
        let feature = try scan(repo, selection: GitRevisionSelection(branch: "feature")).findings
        #expect(feature.map(\.path) == ["feature.env"])
        #expect(feature.first?.git?.presentAtHead == false)  // HEAD is main
    }

    @Test func unknownRevisionIsAnError() throws {
        let repo = try GitTestRepository()
        try repo.write("README.md", "hello\n")
        try repo.commit("start")
        #expect(throws: GitError.unknownRevision(repository: repo.path, revision: "no-such-branch")) {
            try scan(repo, selection: GitRevisionSelection(branch: "no-such-branch"))
        }
    }

    @Test func repositoryWithoutCommitsHasNothingToReport() throws {
        let repo = try GitTestRepository()
        #expect(try scan(repo).findings.isEmpty)
    }

    @Test func directoryOutsideAnyRepositoryIsNotARepository() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try GitRepository(at: directory.path)
        } throws: { error in
            guard case .notARepository(let path, _)? = error as? GitError else { return false }
            return path == directory.path
        }
    }

    @Test func repositoryConfigurationDoesNotChangeWhatIsFound() throws {
        let repo = try GitTestRepository()
        try repo.git(["config", "log.showRoot", "false"])
        try repo.git(["config", "color.ui", "always"])
        try repo.git(["config", "diff.renames", "copies"])
        try repo.write("root.env", "KEY=\(keyA)\n")
        try repo.commit("root commit")
        #expect(try scan(repo).findings.map(\.path) == ["root.env"])
    }

    @Test func progressEndsWithEveryBlobCounted() throws {
        let repo = try GitTestRepository()
        for index in 0..<5 { try repo.write("f\(index).txt", "file \(index)\n") }
        try repo.commit("five files")
        let reports = Mutex<[GitScanProgress]>([])
        _ = try GitHistoryScanner(scanner: builtinScanner(), maxBlobSize: 1 << 20)
            .scan(repo.repository(), progress: { progress in reports.withLock { $0.append(progress) } })
        let last = try #require(reports.withLock { $0.last })
        #expect((last.blobsDone, last.blobsTotal, last.bytesDone) == (5, 5, 35))
    }

    @Test func credentialsInTheOriginURLAreNeverShown() {
        #expect(GitRepository.withoutCredentials("https://bot:ghp_secret@github.com/o/r.git") == "https://github.com/o/r.git")
        #expect(GitRepository.withoutCredentials("git@github.com:o/r.git") == "git@github.com:o/r.git")
        // Every other shape a credential hides in.
        #expect(GitRepository.withoutCredentials("bot:ghp_secret@github.com:o/r.git") == "github.com:o/r.git")
        #expect(GitRepository.withoutCredentials("ghp_Secret123@github.com:o/r.git") == "github.com:o/r.git")
        #expect(GitRepository.withoutCredentials("https://ghp_secret@github.com/o/r.git") == "https://github.com/o/r.git")
        #expect(GitRepository.withoutCredentials("https://github.com/o/r.git?access_token=ghp_secret#x") == "https://github.com/o/r.git")
        #expect(GitRepository.withoutCredentials("https://us er:p@ss word@host/o/r?token=s") == "https://host/o/r")
        #expect(GitRepository.withoutCredentials("/srv/git/r.git") == "/srv/git/r.git")
    }
}
