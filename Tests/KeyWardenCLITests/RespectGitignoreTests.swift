import Foundation
import KeyWardenTestSupport
import Testing

/// `--respect-gitignore` skips what git ignores, as git decides; without it an ignored `.env`
/// is scanned, because that is the file that leaks.
@Suite struct RespectGitignoreTests {
    static let token = "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"

    func repository() throws -> GitTestRepository {
        let repository = try GitTestRepository()
        try repository.write(".gitignore", ".env\nbuild/\n*.log\n!keep.log\n")
        try repository.write("src/app.py", "token = '\(Self.token)'\n")
        try repository.write(".env", "GITHUB_TOKEN=\(Self.token)\n")
        try repository.write("build/out/config.json", "{\"token\": \"\(Self.token)\"}\n")
        try repository.write("debug.log", "GITHUB_TOKEN=\(Self.token)\n")
        try repository.write("keep.log", "GITHUB_TOKEN=\(Self.token)\n")
        try repository.commit("start")
        return repository
    }

    func paths(_ outcome: ProcessRunner.Outcome, under root: String) throws -> [String] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        return findings.compactMap { ($0["path"] as? String).map { String($0.dropFirst(root.count + 1)) } }.sorted()
    }

    @Test func ignoredFilesAreScannedByDefault() throws {
        let repository = try repository()
        let outcome = try CLIHarness.run(["scan", repository.path, "--format", "json"])
        #expect(try paths(outcome, under: repository.path) == [".env", "build/out/config.json", "debug.log", "keep.log", "src/app.py"])
    }

    @Test func theFlagSkipsWhatGitIgnores() throws {
        let repository = try repository()
        let outcome = try CLIHarness.run(["scan", repository.path, "--format", "json", "--respect-gitignore"])
        #expect(try paths(outcome, under: repository.path) == ["keep.log", "src/app.py"])
    }

    @Test func theConfigurationKeyDoesTheSame() throws {
        let repository = try repository()
        try repository.write(".keywarden.yaml", "respectGitignore: true\n")
        let outcome = try CLIHarness.run(["scan", repository.path, "--format", "json"])
        #expect(try paths(outcome, under: repository.path) == ["keep.log", "src/app.py"])
    }

    @Test func outsideARepositoryTheFlagChangesNothing() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".gitignore", ".env\n")
        try directory.write(".env", "GITHUB_TOKEN=\(Self.token)\n")
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "json", "--respect-gitignore"],
                                         environment: GitIsolation.environment())
        #expect(try paths(outcome, under: directory.path) == [".env"])
    }
}
