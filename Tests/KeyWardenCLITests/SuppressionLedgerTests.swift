import Foundation
import KeyWardenTestSupport
import Testing

/// Suppressions with owners and expiry: an expired marker or baseline entry stops hiding its
/// finding, --require-suppression-metadata reports findings behind bare markers, and
/// `keywarden suppressions` lists every one with who added it.
@Suite struct SuppressionLedgerTests {
    static let token = "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"
    static let now = "2026-11-20T00:00:00Z"

    func repository() throws -> GitTestRepository {
        let repository = try GitTestRepository()
        try repository.write("src/expired.py", "token = \"\(Self.token)\"  # keywarden:allow reason=\"test fixture\" owner=alice@example.com until=2026-10-31\n")
        try repository.write("src/current.py", """
            # keywarden:allow-next-line reason="rotated in CI" owner=bob@example.com until=2027-03-31
            TOKEN = "\(Self.token)"
            """ + "\n")
        try repository.write("src/bare.py", "token = \"\(Self.token)\"  # gitleaks:allow\n")
        try repository.commit("add fixtures")
        return repository
    }

    func findings(_ outcome: ProcessRunner.Outcome) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        return try #require(document["findings"] as? [[String: Any]])
    }

    @Test func anExpiredMarkerNoLongerSuppressesAndSaysWhy() throws {
        let repository = try repository()
        let outcome = try CLIHarness.run(["scan", repository.path + "/src", "--format", "json", "--now", Self.now])
        let found = try findings(outcome)
        #expect(found.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) } == ["expired.py"])
        let lapsed = try #require(found.first?["lapsedSuppression"] as? [String: String])
        #expect(lapsed == ["reason": "test fixture", "owner": "alice@example.com", "until": "2026-10-31", "lapse": "expired"])
        let text = try CLIHarness.run(["scan", repository.path + "/src", "--now", Self.now])
        #expect(text.stdout.contains("suppression expired 2026-10-31 (test fixture; alice@example.com): reported again"))
        // The day itself still counts; the day after does not.
        let onTheDay = try CLIHarness.run(["scan", repository.path + "/src", "--format", "json", "--now", "2026-10-31T23:59:00Z"])
        #expect(try findings(onTheDay).isEmpty)
    }

    @Test func requiringMetadataReportsWhatBareMarkersHide() throws {
        let repository = try repository()
        let outcome = try CLIHarness.run(["scan", repository.path + "/src", "--format", "json", "--now", Self.now,
                                          "--require-suppression-metadata"])
        let found = try findings(outcome)
        #expect(found.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) } == ["bare.py", "expired.py"])
        #expect((found.first?["lapsedSuppression"] as? [String: String])?["lapse"] == "incomplete")
        try repository.write(".keywarden.yaml", "requireSuppressionMetadata: true\n")
        let configured = try CLIHarness.run(["scan", repository.path + "/src", "--format", "json", "--now", Self.now,
                                             "--config", repository.path + "/.keywarden.yaml"])
        #expect(try findings(configured).count == 2)
    }

    @Test func aBaselineEntryExpiresToo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("tree/app.env", "GITHUB_TOKEN=\(Self.token)\n")
        let baseline = directory.path + "/baseline.yaml"
        #expect(try CLIHarness.run(["scan", directory.path + "/tree", "--baseline-out", baseline]).status == 1)
        var text = try #require(directory.read("baseline.yaml"))
        text = text.replacingOccurrences(of: "    path:", with: "    owner: \"carol@example.com\"\n    until: \"2026-11-01\"\n    path:")
        try directory.write("baseline.yaml", text)
        let back = try CLIHarness.run(["scan", directory.path + "/tree", "--baseline", baseline, "--format", "json", "--now", Self.now])
        #expect((try findings(back).first?["lapsedSuppression"] as? [String: String])?["owner"] == "carol@example.com")
        let before = try CLIHarness.run(["scan", directory.path + "/tree", "--baseline", baseline, "--format", "json", "--now", "2026-10-01"])
        #expect(try findings(before).isEmpty)
        // Regenerating keeps owner and expiry.
        #expect(try CLIHarness.run(["scan", directory.path + "/tree", "--baseline", baseline, "--baseline-out", baseline,
                                    "--now", "2026-10-01"]).status == 0)
        #expect(directory.read("baseline.yaml")?.contains("until: \"2026-11-01\"") == true)
        try directory.write("baseline.yaml", text.replacingOccurrences(of: "2026-11-01", with: "next week"))
        let bad = try CLIHarness.run(["scan", directory.path + "/tree", "--baseline", baseline])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("baseline.yaml:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("expected a day such as 2027-03-31"), "\(bad.stderr)")
    }

    @Test func theLedgerListsEveryMarkerWithWhoAddedIt() throws {
        let repository = try repository()
        let head = try repository.head()
        let outcome = try CLIHarness.run(["suppressions", repository.path + "/src", "--format", "json", "--now", Self.now])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) ?? "" } == ["bare.py", "current.py", "expired.py"])
        #expect(entries.map { $0["status"] as? String ?? "" } == ["no-metadata", "active", "expired"])
        #expect(entries.map { $0["kind"] as? String ?? "" } == ["inline", "next-line", "inline"])
        #expect(entries[1]["owner"] as? String == "bob@example.com")
        #expect(entries[1]["until"] as? String == "2027-03-31")
        #expect(entries.allSatisfy { $0["commit"] as? String == head }, "\(entries)")
        #expect(entries.allSatisfy { ($0["author"] as? String)?.contains("ada@example.org") == true })
        let failing = try CLIHarness.run(["suppressions", repository.path + "/src", "--now", Self.now, "--fail-on-expired"])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("3 suppressions, 1 expired"))
    }

    @Test func reviewReportsShowWhoseSuppressionsAreInForceAndWhichExpireSoon() throws {
        let repository = try repository()
        // current.py's marker runs to 2027-03-31: within 30 days of this clock.
        let now = "2027-03-10T00:00:00Z"
        let markdown = try CLIHarness.run(["scan", repository.path, "--format", "markdown", "--now", now])
        #expect(markdown.stdout.contains("Suppressed (2 in force, 1 expiring within 30 days)"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| bob@example.com | 1 |"))
        #expect(markdown.stdout.contains("| 2027-03-31 | `"))
        let html = try CLIHarness.run(["scan", repository.path, "--format", "html", "--now", now])
        #expect(html.stdout.contains("<h2>Suppressed (2)</h2>"))
        #expect(html.stdout.contains("<h3>Expiring within 30 days (1)</h3>"))
        let json = try CLIHarness.run(["scan", repository.path, "--format", "json", "--now", now])
        #expect(!json.stdout.contains("\"suppressions\""), "the summary costs a walk: review formats only")
    }

    @Test func configurationAllowEntriesTakeOwnersAndExpireToo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("tree/app.env", "GITHUB_TOKEN=\(Self.token)\n")
        try directory.write("tree/.keywarden.yaml", """
            allow:
              regexes:
                - regex: '^ghp_u8jz'
                  reason: shared test account, rotated monthly
                  owner: dana@example.com
                  until: 2026-11-15
              stopwords: [dummy]
            """)
        let back = try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json", "--now", Self.now])
        let lapsed = try #require(try findings(back).first?["lapsedSuppression"] as? [String: String])
        #expect(lapsed["owner"] == "dana@example.com")
        #expect(lapsed["lapse"] == "expired")
        let before = try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json", "--now", "2026-11-01"])
        #expect(try findings(before).isEmpty)
        try directory.write("tree/.keywarden.yaml", "allow:\n  regexes:\n    - {regex: '^ghp_', until: soon}\n")
        let bad = try CLIHarness.run(["scan", directory.path + "/tree"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".keywarden.yaml:3:"), "\(bad.stderr)")
    }
}
