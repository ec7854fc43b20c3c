import Foundation
import KeyWardenTestSupport
import Testing

@Suite(.serialized) struct GitScanCommandTests {
    typealias H = GitCLIHarness
    let key = "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"  // a secret (an AWS key id is public: reported in full as keyId)
    let otherKey = "AKIAZ3KQ7PLM2XWRT5NB"

    /// A repository where a key was committed and removed again.
    func repositoryWithDeletedSecret() throws -> (GitTestRepository, commit: String) {
        let repo = try H.repository()
        try repo.write("aws.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "-A"], in: repo.path)
        try H.git(["commit", "-q", "-m", "add key"], in: repo.path)
        let commit = try H.git(["rev-parse", "HEAD"], in: repo.path).trimmingCharacters(in: .newlines)
        try H.git(["rm", "-q", "aws.env"], in: repo.path)
        try H.git(["commit", "-q", "-m", "remove key"], in: repo.path)
        return (repo, commit)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func historyScanReportsProvenanceInJSON() throws {
        let (repo, commit) = try repositoryWithDeletedSecret()
        let outcome = try H.keywarden(["scan", "--git", "--format", "json"], in: repo.path)
        #expect(outcome.status == 1)
        let findings = try #require(try json(outcome.stdout)["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding["path"] as? String == "aws.env")
        #expect(finding["commit"] as? String == commit)
        #expect(finding["author"] as? String == "Ada Author")
        #expect(finding["email"] as? String == "ada@example.org")
        #expect(finding["date"] as? String == "2026-01-01T00:00:00Z")
        #expect(finding["presentAtHead"] as? Bool == false)
        #expect(finding["secret"] as? String != key)
        #expect(!outcome.stdout.contains(key))
    }

    @Test func historyScanTakesTheRepositoryAsItsPath() throws {
        let (repo, commit) = try repositoryWithDeletedSecret()
        let elsewhere = try TemporaryDirectory()
        let outcome = try H.keywarden(["scan", "--git", repo.path], in: elsewhere.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("aws.env:1:14"))
        #expect(outcome.stdout.contains("commit \(commit.prefix(12))  Ada Author <ada@example.org>  2026-01-01  not in HEAD"))
        // stderr is a pipe here: no progress line.
        #expect(!outcome.stderr.contains("blobs"))
    }

    @Test func sarifCarriesVersionControlProvenanceAndResultProperties() throws {
        let (repo, commit) = try repositoryWithDeletedSecret()
        try H.git(["remote", "add", "origin", "https://bot:hunter2@example.org/team/app.git"], in: repo.path)
        let head = try H.git(["rev-parse", "HEAD"], in: repo.path).trimmingCharacters(in: .newlines)
        let outcome = try H.keywarden(["scan", "--git", "--format", "sarif"], in: repo.path)
        let run = try #require((try json(outcome.stdout)["runs"] as? [[String: Any]])?.first)
        let provenance = try #require((run["versionControlProvenance"] as? [[String: Any]])?.first)
        #expect(provenance["repositoryUri"] as? String == "https://example.org/team/app.git")
        #expect(provenance["revisionId"] as? String == head)
        #expect(provenance["branch"] as? String == "refs/heads/main")
        let properties = try #require(((run["results"] as? [[String: Any]])?.first)?["properties"] as? [String: Any])
        #expect(properties["commit"] as? String == commit)
        #expect(properties["presentAtHead"] as? Bool == false)
        #expect(!outcome.stdout.contains("hunter2"))
    }

    @Test func notARepositoryExitsThreeWithAClearMessage() throws {
        let directory = try TemporaryDirectory()
        let outcome = try H.keywarden(["scan", "--git", directory.path], in: directory.path)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("not a git repository: \(directory.path)"))
    }

    /// The pre-commit scan starts its diff alongside rev-parse (ScanHeadStart): outside a
    /// repository both fail, and rev-parse's answer is the one the user reads.
    @Test func aStagedScanOutsideARepositoryExitsThreeWithRevParsesMessage() throws {
        let directory = try TemporaryDirectory()
        let outcome = try H.keywarden(["scan", "--staged", "--format", "json"], in: directory.path)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("not a git repository: ."), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func gitFlagsAreValidated() throws {
        let repo = try H.repository()
        #expect(try H.keywarden(["scan", "--git", "--staged"], in: repo.path).status == 2)
        #expect(try H.keywarden(["scan", "--branch", "main"], in: repo.path).status == 2)
        #expect(try H.keywarden(["scan", "--git", "a", "b"], in: repo.path).status == 2)
        #expect(try H.keywarden(["scan", "--git", "--branch", "nope"], in: repo.path).status == 3)
    }

    @Test func stagedScanBlocksAnAddedSecretAndPassesACleanChange() throws {
        let repo = try H.repository()
        try repo.write("clean.txt", "nothing here\n")
        try H.git(["add", "clean.txt"], in: repo.path)
        #expect(try H.keywarden(["scan", "--staged"], in: repo.path).status == 0)

        try repo.write("config/prod.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "config/prod.env"], in: repo.path)
        let outcome = try H.keywarden(["scan", "--staged"], in: repo.path + "/config")
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("config/prod.env"))
        #expect(outcome.stdout.contains("ghp_…(40 chars)"))
        #expect(!outcome.stdout.contains(key))
    }

    /// `scan --staged` starts its git work before parsing (ScanHeadStart); with an option the
    /// head start does not know, the same scan starts it after parsing. Both report the same, in
    /// a repository and outside one.
    @Test func stagedScanGivesTheSameResultWithAndWithoutTheHeadStart() throws {
        let repo = try H.repository()
        try repo.write("config/prod.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "config/prod.env"], in: repo.path)
        let outside = try TemporaryDirectory()
        for directory in [repo.path, repo.path + "/config", outside.path] {
            let early = try H.keywarden(["scan", "--staged", "--format", "json", "--quiet"], in: directory)
            let parsed = try H.keywarden(["scan", "--staged", "--format", "json", "--quiet", "--archive-depth", "2"], in: directory)
            #expect(early.status == parsed.status, "\(directory)")
            #expect(early.stderr == parsed.stderr, "\(directory)")
            if directory == outside.path {
                #expect(early.status == 3)
                continue
            }
            #expect(early.status == 1)
            // The findings and the rules they were found with, as JSON with sorted keys.
            func essence(_ output: String) throws -> String {
                let document = try json(output)
                let data = try JSONSerialization.data(withJSONObject: [document["findings"] ?? [], document["rulesHash"] ?? ""],
                                                      options: .sortedKeys)
                return String(decoding: data, as: UTF8.self)
            }
            #expect(try essence(early.stdout).contains("prod.env"))
            #expect(try essence(early.stdout) == essence(parsed.stdout))
        }
    }

    @Test func baselineRoundTripHidesKnownFindingsAndReportsNewOnes() throws {
        let repo = try H.repository()
        try repo.write("app.env", "A=\(key)\n")
        let written = try H.keywarden(["scan", ".", "--baseline-out", "baseline.yaml"], in: repo.path)
        #expect(written.status == 1)
        #expect(repo.read("baseline.yaml")?.contains("path: \"app.env\"") == true)

        #expect(try H.keywarden(["scan", "app.env", "--baseline", "baseline.yaml"], in: repo.path).status == 0)
        try repo.write("app.env", "A=\(otherKey)\n\nB=\(key)\n")
        let outcome = try H.keywarden(["scan", "app.env", "--baseline", "baseline.yaml", "--format", "json"], in: repo.path)
        #expect(outcome.status == 1)
        let findings = try #require(try json(outcome.stdout)["findings"] as? [[String: Any]])
        #expect(findings.map { $0["line"] as? Int } == [1])
        #expect(outcome.stderr.contains("1 finding hidden by baseline"))
    }

    @Test func baselineAppliesToHistoryScans() throws {
        let (repo, _) = try repositoryWithDeletedSecret()
        let baseline = try TemporaryDirectory()
        #expect(try H.keywarden(["scan", "--git", "--baseline-out", baseline.path + "/b.yaml"], in: repo.path).status == 1)
        #expect(try H.keywarden(["scan", "--git", "--baseline", baseline.path + "/b.yaml"], in: repo.path).status == 0)
    }

    @Test func hookInstallRefusesAForeignHookAndChainsOneTheUserMoved() throws {
        let repo = try H.repository()
        let userHook = "#!/bin/sh\necho previous-hook-ran >&2\n"
        try repo.write(".git/hooks/pre-commit", userHook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/.git/hooks/pre-commit")

        let refused = try H.keywarden(["hook", "install", "--path", repo.path], in: "/")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("pre-commit.keywarden-chained"))
        #expect(repo.read(".git/hooks/pre-commit") == userHook)
        #expect(repo.read(".git/hooks/pre-commit.keywarden-chained") == nil)

        // Following the instructions: the user moves their hook to the chained name.
        try FileManager.default.moveItem(atPath: repo.path + "/.git/hooks/pre-commit",
                                         toPath: repo.path + "/.git/hooks/pre-commit.keywarden-chained")
        let first = try H.keywarden(["hook", "install", "--path", repo.path], in: "/")
        #expect(first.status == 0)
        #expect(first.stdout.contains("installed"))
        let installed = repo.read(".git/hooks/pre-commit")
        let second = try H.keywarden(["hook", "install", "--path", repo.path], in: "/")
        #expect(second.stdout.contains("already installed"))
        #expect(repo.read(".git/hooks/pre-commit") == installed)
        #expect(repo.read(".git/hooks/pre-commit.keywarden-chained") == userHook)

        try repo.write("leak.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "leak.env"], in: repo.path)
        let blocked = try H.run("git", ["commit", "-m", "leak"], in: repo.path)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("previous-hook-ran"))
        // git shows a hook's output on stderr.
        #expect(blocked.stderr.contains("leak.env") && blocked.stderr.contains("ghp_…(40 chars)"))

        try H.git(["rm", "-q", "--cached", "leak.env"], in: repo.path)
        try repo.write("ok.txt", "fine\n")
        try H.git(["add", "ok.txt"], in: repo.path)
        #expect(try H.run("git", ["commit", "-q", "-m", "clean"], in: repo.path).status == 0)
    }

    @Test func hookSeesWhatCommitAllStagesFromTheWorkTree() throws {
        let repo = try H.repository(initialFile: "settings.env", content: "MODE=dev\n")
        #expect(try H.keywarden(["hook", "install", "--path", repo.path], in: "/").status == 0)
        // `git commit -a` stages into a temporary index (GIT_INDEX_FILE) just before the hook runs.
        try repo.write("settings.env", "MODE=dev\nGITHUB_TOKEN=\(key)\n")
        let blocked = try H.run("git", ["commit", "-a", "-m", "leak"], in: repo.path)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("settings.env:2:14"))
    }

    @Test func hookInstallOutsideARepositoryExitsThree() throws {
        let directory = try TemporaryDirectory()
        #expect(try H.keywarden(["hook", "install", "--path", directory.path], in: "/").status == 3)
    }

    /// An unstaged edit of the config is not what the commit records and must not hide it.
    @Test func stagedScanTakesItsConfigurationFromTheIndex() throws {
        let repo = try H.repository(initialFile: ".keywarden.yaml", content: "skipPaths: [\"docs/**\"]\n")
        try repo.write("leak.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "leak.env"], in: repo.path)
        try repo.write(".keywarden.yaml", "skipPaths: [\"**\"]\n")  // in the work tree only
        let outcome = try H.keywarden(["scan", "--staged"], in: repo.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("leak.env"))

        // Staged, the same skip applies: the index's copy is the one read.
        try H.git(["add", ".keywarden.yaml"], in: repo.path)
        #expect(try H.keywarden(["scan", "--staged"], in: repo.path).status == 0)
        // A config only in the work tree is not the commit's either.
        try H.git(["rm", "-q", "--cached", ".keywarden.yaml"], in: repo.path)
        try H.git(["commit", "-q", "-m", "drop config"], in: repo.path)
        // leak.env went in with that commit; a new line with the key is what this one adds.
        try repo.write("leak.env", "GITHUB_TOKEN=\(key)\nBACKUP_TOKEN=\(key)\n")
        try H.git(["add", "leak.env"], in: repo.path)
        #expect(try H.keywarden(["scan", "--staged"], in: repo.path).status == 1)
    }

    /// A pre-commit scan loads the built-in rules' compiled database before the index's
    /// configuration has been read; a configuration that disables a rule still takes it out.
    @Test func aStagedConfigurationThatDisablesARuleIsObeyedWithAWarmCache() throws {
        let cache = ["XDG_CACHE_HOME": CLIHarness.cacheHome]
        let repo = try H.repository()
        try repo.write("leak.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "leak.env"], in: repo.path)
        let first = try H.keywarden(["scan", "--staged", "--format", "json"], in: repo.path, environment: cache)  // warms the cache
        #expect(first.status == 1)
        let rules = try CLIHarness.findings(first).compactMap { $0["rule"] as? String }
        #expect(!rules.isEmpty)

        try repo.write(".keywarden.yaml", "disableRules: [\(rules.joined(separator: ", "))]\n")
        try H.git(["add", ".keywarden.yaml"], in: repo.path)
        let second = try H.keywarden(["scan", "--staged", "--format", "json"], in: repo.path, environment: cache)
        let reported = try CLIHarness.findings(second).compactMap { $0["rule"] as? String }
        #expect(Set(reported).isDisjoint(with: rules))
    }

    @Test func stagedConfigErrorsNameTheIndexCopy() throws {
        let repo = try H.repository()
        try repo.write(".keywarden.yaml", "skipPaths: [\"a\"]\nunknownKey: 1\n")
        try H.git(["add", ".keywarden.yaml"], in: repo.path)
        try repo.write(".keywarden.yaml", "skipPaths: []\n")
        let outcome = try H.keywarden(["scan", "--staged"], in: repo.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(":.keywarden.yaml:2"))
    }

    /// A repository's config names programs git runs; scanning it must not run them.
    @Test func gitRunsNoFsmonitorProgramOfTheScannedRepository() throws {
        let repo = try H.repository()
        let tools = try TemporaryDirectory()
        let marker = tools.path + "/fsmonitor-ran"
        let program = try tools.write("fsmonitor.sh", "#!/bin/sh\ntouch '\(marker)'\nexit 1\n")
        chmod(program, 0o755)
        try H.git(["config", "core.fsmonitor", program], in: repo.path)
        try repo.write("leak.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "leak.env"], in: repo.path)
        // The repository really is armed: plain git runs the program.
        try? FileManager.default.removeItem(atPath: marker)
        try H.git(["-c", "core.fsmonitor=\(program)", "diff", "--cached", "--raw"], in: repo.path)
        #expect(FileManager.default.fileExists(atPath: marker))
        try FileManager.default.removeItem(atPath: marker)

        #expect(try H.keywarden(["scan", "--staged"], in: repo.path).status == 1)
        #expect(try H.keywarden(["scan", "--git"], in: repo.path).status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    /// A damaged repository: the only blob with a secret has lost its object file.
    @Test func historyScanWithAMissingBlobFailsClosed() throws {
        let (repo, _) = try repositoryWithDeletedSecret()
        let blob = try H.git(["rev-parse", "HEAD~1:aws.env"], in: repo.path).trimmingCharacters(in: .newlines)
        let object = repo.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        #expect(FileManager.default.fileExists(atPath: object), "the blob is a loose object")
        try FileManager.default.removeItem(atPath: object)

        let outcome = try H.keywarden(["scan", "--git"], in: repo.path)
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains(blob) && outcome.stderr.contains("missing"))
        // --fail-on none lowers the bar for findings, not for an incomplete scan.
        #expect(try H.keywarden(["scan", "--git", "--fail-on", "none"], in: repo.path).status == 3)
    }

    @Test func stagedScanWithAMissingBlobFailsClosed() throws {
        let repo = try H.repository()
        try repo.write("leak.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "leak.env"], in: repo.path)
        let blob = try H.git(["rev-parse", ":leak.env"], in: repo.path).trimmingCharacters(in: .newlines)
        try FileManager.default.removeItem(atPath: repo.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2))
        #expect(try H.keywarden(["scan", "--staged"], in: repo.path).status == 3)
    }

    /// No rules means nothing can be found: with --fail-on none that is a clean run, in a
    /// history and in a directory alike.
    @Test func anEmptyRuleSetWithFailOnNoneExitsZero() throws {
        let (repo, _) = try repositoryWithDeletedSecret()
        let rules = try TemporaryDirectory()
        try rules.write("none.yaml", "rules: []\n")
        for arguments in [["scan", "--git"], ["scan", "--staged"], ["scan", "."]] {
            let outcome = try H.keywarden(arguments + ["--rules", rules.path, "--fail-on", "none", "--no-cache"], in: repo.path)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
    }
}
