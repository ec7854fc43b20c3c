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
import Testing

@Suite struct JUnitReportWriterTests {
    @Test func oneFailingCasePerRuleAndFile() throws {
        let xml = try JUnitReportWriter().write(ReviewFixtures.scanReview())
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"keywarden\" tests=\"3\" failures=\"3\""))
        #expect(xml.contains("<testcase classname=\"keywarden.scan.aws-secret-access-key\" name=\"src/app.py\" time=\"0\">"))
        #expect(xml.contains("<failure message=\"CRITICAL src/app.py:4:9 AWS secret access key (\(Redactor().redact(ReviewFixtures.awsSecret)))\" type=\"critical\">"))
    }

    @Test func auditChecksWithoutFindingsPassAndWaivedOnesAreSkipped() throws {
        let review = try ReviewFixtures.combinedReview()
        let xml = try JUnitReportWriter().write(review)
        #expect(xml.contains("<testsuite name=\"keywarden.audit\""))
        #expect(xml.contains("<skipped message=\"waived by "))
        for check in AuditCatalogue.ids { #expect(xml.contains("classname=\"keywarden.audit.\(check)\""), "\(check)") }
        let casesPerKey = Set(review.entries.filter { $0.origin == .audit }.map { "\($0.rule) \($0.target)" }).count
        let auditCases = xml.components(separatedBy: "<testcase classname=\"keywarden.audit.").count - 1
        #expect(auditCases >= casesPerKey)
    }

    @Test func markupInANameIsEscaped() throws {
        let xml = try JUnitReportWriter().write(ReviewFixtures.scanReview())
        #expect(xml.contains("name=\"web/&lt;script&gt;alert(1)&lt;/script&gt;.js\""))
        #expect(!xml.contains("<script>"))
    }

    @Test func controlCharactersCannotBreakTheXML() {
        #expect(MarkupEscaping.xml("a\u{1B}[31mb\u{0}") == "a\u{FFFD}[31mb\u{FFFD}")
    }
}
