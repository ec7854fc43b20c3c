@testable import KeyWardenAudit
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import Testing

@Suite struct PathGlobTests {
    @Test(arguments: [
        ("Samples/", "Samples/app/.env", true),
        ("Samples/", "Samplesque/x", false),
        ("Samples/**", "Samples/a/b/c.txt", true),
        ("*.min.js", "web/dist/app.min.js", true),
        ("*.min.js", "web/dist/app.js", false),
        ("Tests/Fixtures/**", "Tests/Fixtures/keys/a.pem", true),
        ("Tests/Fixtures/**", "Other/Tests/Fixtures/a.pem", false),
        ("docs/*.md", "docs/guide.md", true),
        ("docs/*.md", "docs/sub/guide.md", false),
        ("**/secrets/*.yaml", "a/b/secrets/x.yaml", true),
        ("vendor", "vendor/lib/x.go", true),
        ("file?.txt", "file1.txt", true),
        ("file?.txt", "file10.txt", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathGlob(pattern).matches(path) == expected)
    }
}
