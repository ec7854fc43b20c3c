import Foundation
import KeyWardenTestSupport
import Testing

/// End to end with the real pre-commit framework (https://pre-commit.com), installed from PyPI
/// into `.build/test-tools` on first use. No network for pip means this test fails: it never skips.
@Suite(.serialized) struct PreCommitFrameworkTests {
    typealias H = GitCLIHarness
    let key = "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"  // a secret (an AWS key id is public: reported in full as keyId)

    /// The pre-commit executable, installed into a virtual environment if it is not there yet.
    static func preCommit() throws -> String {
        let venv = PackagePaths.root + "/.build/test-tools/pre-commit-venv"
        let executable = venv + "/bin/pre-commit"
        if FileManager.default.isExecutableFile(atPath: executable),
           (try? H.run(executable, ["--version"], in: "/"))?.status == 0 {
            return executable
        }
        // A virtual environment where python3 has venv; otherwise (Debian without python3-venv)
        // a --target install behind a small launcher.
        let script = """
            set -e
            rm -rf '\(venv)'
            if python3 -m venv '\(venv)' 2>'\(venv).venv-errors'; then
                '\(venv)/bin/python' -m pip install --quiet --disable-pip-version-check pre-commit
            else
                rm -rf '\(venv)'
                python3 -m pip install --quiet --disable-pip-version-check --target '\(venv)/lib' pre-commit
                mkdir -p '\(venv)/bin'
                printf '#!/bin/sh\\nPYTHONPATH="%s" exec python3 -m pre_commit "$@"\\n' '\(venv)/lib' > '\(executable)'
                chmod +x '\(executable)'
            fi
            """
        let install = try H.run("bash", ["-c", script], in: PackagePaths.root)
        guard install.status == 0, FileManager.default.isExecutableFile(atPath: executable) else {
            throw H.Failure("could not install pre-commit with pip (exit \(install.status)): \(install.stderr)")
        }
        return executable
    }

    /// A repository whose git pre-commit hook runs `pre-commit try-repo <this package> keywarden-system`,
    /// the hook that uses the keywarden on PATH (the debug build, put there by the harness).
    /// pre-commit's own directory is inside `.git`, so it goes with the repository.
    func repositoryUsingTheFrameworkHook() throws -> GitTestRepository {
        let preCommit = try Self.preCommit()
        let repo = try H.repository()
        try repo.write(".git/hooks/pre-commit", """
            #!/bin/sh
            export PRE_COMMIT_HOME='\(repo.path)/.git/pre-commit-home'
            exec '\(preCommit)' try-repo '\(PackagePaths.root)' keywarden-system

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/.git/hooks/pre-commit")
        return repo
    }

    @Test func commitAddingASecretIsBlockedWithTheFindingRedacted() throws {
        let repo = try repositoryUsingTheFrameworkHook()
        try repo.write("deploy/prod.env", "GITHUB_TOKEN=\(key)\n")
        try H.git(["add", "-A"], in: repo.path)

        let commit = try H.run("git", ["commit", "-m", "add prod config"], in: repo.path)
        let output = commit.stdout + commit.stderr
        #expect(commit.status != 0)
        #expect(output.contains("keywarden-system"))
        #expect(output.contains("Failed"))
        #expect(output.contains("deploy/prod.env:1:14"))
        #expect(output.contains("ghp_…(40 chars)"))
        #expect(!output.contains(key))
        #expect(try H.git(["rev-list", "--count", "HEAD"], in: repo.path).trimmingCharacters(in: .newlines) == "1")
    }

    @Test func cleanCommitPasses() throws {
        let repo = try repositoryUsingTheFrameworkHook()
        try repo.write("src/main.py", "print('hello')\n")
        try H.git(["add", "-A"], in: repo.path)

        let commit = try H.run("git", ["commit", "-m", "clean change"], in: repo.path)
        #expect(commit.status == 0, "\(commit.stdout)\(commit.stderr)")
        #expect((commit.stdout + commit.stderr).contains("Passed"))
        #expect(try H.git(["rev-list", "--count", "HEAD"], in: repo.path).trimmingCharacters(in: .newlines) == "2")
    }

    @Test func hookDefinitionsRunTheStagedScanWithoutFileNames() throws {
        let text = try String(contentsOfFile: PackagePaths.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let hooks = text.components(separatedBy: "\n- id: ").dropFirst()
        #expect(hooks.count == 2)
        for hook in hooks {
            #expect(hook.contains("entry: keywarden scan --staged"))
            #expect(hook.contains("pass_filenames: false"))
        }
        #expect(hooks.contains { $0.contains("language: swift") } && hooks.contains { $0.contains("language: system") })
    }
}
