import Foundation
import KeyWardenTestSupport
import Testing

/// `--confidence` on scan, report and the pre-commit hook, and the field in every format.
@Suite struct ConfidenceCLITests {
    typealias H = GitCLIHarness

    /// A tree with one medium finding (a password literal in code) and one low one (the same in a test).
    func tree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("src/db.go", "package db\n\nfunc connect() {\n\tstatic_password := \"hardcoded09\"\n\tuse(static_password)\n}\n")
        try directory.write("src/db_test.go", "package db\n\nfunc TestConnect(t *testing.T) {\n\tfixture_password := \"Fixture-77\"\n}\n")
        return directory
    }

    func findings(_ json: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(document["findings"] as? [[String: Any]])
    }

    @Test func mediumIsTheDefaultAndLowShowsTheRest() throws {
        let directory = try tree()
        let plain = try CLIHarness.run(["scan", directory.path, "--now", "2026-01-01T00:00:00Z"])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("src/db.go:4"))
        #expect(!plain.stdout.contains("db_test.go"))
        #expect(plain.stdout.contains("1 below medium confidence not shown"))

        let all = try CLIHarness.run(["scan", directory.path, "--confidence", "low", "--format", "json"])
        let found = try findings(all.stdout)
        #expect(found.map { $0["confidence"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["low", "medium"])

        let sure = try CLIHarness.run(["scan", directory.path, "--confidence", "high"])
        #expect(sure.status == 0)
        #expect(sure.stdout.contains("no secrets found"))
        #expect(sure.stdout.contains("2 below high confidence not shown"))

        let wrong = try CLIHarness.run(["scan", directory.path, "--confidence", "certain"])
        #expect(wrong.status == 2)
    }

    @Test func theConfigurationSetsTheLevelAndTheFlagWins() throws {
        let directory = try tree()
        try directory.write(".keywarden.yaml", "confidence: low\n")
        let configured = try findings(try CLIHarness.run(["scan", directory.path, "--format", "json"]).stdout)
        #expect(configured.count == 2)
        let flagged = try findings(try CLIHarness.run(["scan", directory.path, "--format", "json", "--confidence", "medium"]).stdout)
        #expect(flagged.count == 1)
        try directory.write(".keywarden.yaml", "confidence: sure\n")
        let invalid = try CLIHarness.run(["scan", directory.path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains(".keywarden.yaml:1:13"))
    }

    @Test func reportFiltersASavedScanAndEveryFormatCarriesTheLevel() throws {
        let directory = try tree()
        let saved = directory.path + "/scan.json"
        #expect(try CLIHarness.run(["scan", directory.path + "/src", "--confidence", "low", "--format", "json", "--output", saved]).status == 1)
        let medium = try CLIHarness.run(["report", "--input", saved, "--confidence", "medium", "--format", "json"])
        #expect(try findings(medium.stdout).count == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(medium.stdout.utf8)) as? [String: Any])
        let summary = try #require((document["summary"] as? [String: Any]) ?? ((document["scan"] as? [String: Any])?["summary"] as? [String: Any]))
        #expect(summary["belowConfidence"] as? Int == 1)

        let sarif = try CLIHarness.run(["report", "--input", saved, "--format", "sarif"]).stdout
        #expect(sarif.contains("\"confidence\" : \"low\"") && sarif.contains("\"confidence\" : \"medium\""))
        let csv = try CLIHarness.run(["report", "--input", saved, "--format", "csv"]).stdout
        #expect(csv.split(separator: "\r\n").first?.hasSuffix(",confidence") == true)
        #expect(csv.contains(",medium\r\n") && csv.contains(",low\r\n"))
        // How each format spells it, for both findings.
        let spelling = ["markdown": ["(medium confidence)", "(low confidence)"], "text": ["(medium confidence)", "(low confidence)"],
                        "gitlab": [", medium confidence)", ", low confidence)"], "junit": ["confidence: medium", "confidence: low"],
                        "html": ["<b>confidence</b> medium", "<b>confidence</b> low"]]
        for (format, expected) in spelling {
            let out = try CLIHarness.run(["report", "--input", saved, "--format", format]).stdout
            for text in expected { #expect(out.contains(text), "\(format): \(text)") }
        }
    }

    /// The hook runs `scan --staged`, which reads `confidence:` from the staged configuration.
    @Test func thePreCommitHookHonoursTheStagedLevel() throws {
        let repo = try H.repository(initialFile: ".keywarden.yaml", content: "confidence: high\n")
        #expect(try H.keywarden(["hook", "install", "--path", repo.path], in: "/").status == 0)
        try repo.write("db.go", "package db\n\nvar static_password = \"hardcoded09\"\n")
        try H.git(["add", "db.go"], in: repo.path)
        let allowed = try H.run("git", ["commit", "-m", "medium only"], in: repo.path)
        #expect(allowed.status == 0, "\(allowed.stderr)")

        try repo.write(".keywarden.yaml", "confidence: medium\n")
        try repo.write("db2.go", "package db\n\nvar admin_password = \"hardcoded10\"\n")
        try H.git(["add", ".keywarden.yaml", "db2.go"], in: repo.path)
        let blocked = try H.run("git", ["commit", "-m", "medium blocked"], in: repo.path)
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("db2.go:3"))
    }
}
