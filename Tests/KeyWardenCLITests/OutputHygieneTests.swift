import Foundation
import KeyWardenTestSupport
import Testing

/// What keywarden prints and writes cannot be forged, read by others or made to show secrets:
/// control characters from outside are escaped, report files are the owner's, a saved report's
/// full secrets are redacted again, credential-file errors quote no value, and a full disk is an
/// error, not a crash.
@Suite struct OutputHygieneTests {
    static let token = "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"

    @Test func aFileNameCannotForgeOrEraseLines() throws {
        let directory = try TemporaryDirectory()
        let forged = "app\n\u{1B}[2Kno secrets found in 0 files\r.env"
        try directory.write(forged, "GITHUB_TOKEN=\(Self.token)\n")
        try directory.write("bin\u{1B}[2K.dat", Data([0x00, 0x01, 0x02, 0x00]))
        let outcome = try CLIHarness.run(["scan", directory.path, "--verbose"])
        #expect(outcome.status == 1)
        #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stdout.contains("\r"), "\(outcome.stdout.debugDescription)")
        #expect(outcome.stdout.contains(#"app\n\x1b[2Kno secrets found in 0 files\r.env:1:"#), "\(outcome.stdout.debugDescription)")
        #expect(!outcome.stdout.split(separator: "\n").contains { $0.hasPrefix("no secrets found") })
        #expect(!outcome.stderr.contains("\u{1B}"), "\(outcome.stderr.debugDescription)")
        #expect(outcome.stderr.contains(#"bin\x1b[2K.dat"#), "\(outcome.stderr.debugDescription)")
    }

    @Test func aNewReportIsTheOwnersAndAnExistingOneKeepsItsMode() throws {
        let directory = try TemporaryDirectory()
        try directory.write("tree/app.env", "GITHUB_TOKEN=\(Self.token)\n")
        let fresh = directory.path + "/fresh.json"
        #expect(try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json", "-o", fresh]).status == 1)
        #expect(try mode(fresh) == 0o600)
        let shared = try directory.write("shared.sarif", "old\n")
        #expect(chmod(shared, 0o640) == 0)
        #expect(try CLIHarness.run(["scan", directory.path + "/tree", "--format", "sarif", "-o", shared]).status == 1)
        #expect(try mode(shared) == 0o640)
        #expect(directory.read("shared.sarif")?.contains("\"runs\"") == true)
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aReportSavedWithSecretsShowsThemOnlyWhenAskedAgain() throws {
        let directory = try TemporaryDirectory()
        try directory.write("tree/app.env", "GITHUB_TOKEN=\(Self.token)\n")
        let saved = directory.path + "/full.json"
        #expect(try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json", "--show-secrets", "-o", saved]).status == 1)
        #expect(directory.read("full.json")?.contains(Self.token) == true)
        for format in ["json", "text", "sarif", "markdown", "html", "csv", "junit"] {
            let redacted = try CLIHarness.run(["report", "--input", saved, "--format", format])
            #expect(!redacted.stdout.contains(Self.token), "\(format) showed the secret")
            #expect(redacted.stdout.contains("ghp_…(40 chars)") || format == "sarif" || format == "junit", "\(format)")
        }
        let shown = try CLIHarness.run(["report", "--input", saved, "--format", "json", "--show-secrets"])
        #expect(shown.stdout.contains(Self.token))
    }

    @Test func credentialFileErrorsQuoteNoValue() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("credentials.yaml", """
            profiles:
              main:
                provider: okx
                api_key: public-key-id
                SECRETVALUE8A3C55: x
            """)
        #expect(chmod(file, 0o600) == 0)
        let outcome = try CLIHarness.run(["inventory", "fetch", "--provider", "okx", "--profile", "main", "--credentials", file])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("credentials.yaml:5:5: error: unknown key"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("SECRETVALUE"), "\(outcome.stderr)")
    }

    /// A full disk without touching the machine's /dev/full: a file-size limit of 0 makes every
    /// write to a regular file fail (EFBIG), the way ENOSPC does.
    @Test(arguments: [false, true])
    func aFullDiskIsIncompleteWorkNotACrash(toFile: Bool) throws {
        let directory = try TemporaryDirectory()
        try directory.write("tree/app.env", "GITHUB_TOKEN=\(Self.token)\n")
        let command = "trap '' XFSZ; ulimit -f 0; exec \"$0\" scan tree --format json " + (toFile ? "-o out.json" : "> out.json")
        let outcome = try CLIHarness.run(["-c", command, CLIHarness.binary], in: directory.path, executable: "/bin/sh")
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("cannot write"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("File too large"), "\(outcome.stderr)")
    }
}
