import Foundation
@testable import KeyWardenAccounts
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

@Suite struct CSVReportWriterTests {
    /// RFC 4180 fields, read back the way a spreadsheet reads them.
    func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append(characters.removeFirst()) } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r", characters.first == "\n" { characters.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        return rows
    }

    @Test func oneRowPerFindingUnderAFixedHeader() throws {
        let review = try ReviewFixtures.combinedReview()
        let rows = parse(try CSVReportWriter().write(review))
        #expect(rows.first == CSVReportWriter.columns)
        #expect(rows.count == review.entries.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == CSVReportWriter.columns.count })
    }

    @Test func quotesCommasQuotesAndLineBreaks() {
        #expect(CSVReportWriter.field("plain") == "plain")
        #expect(CSVReportWriter.field("a,b") == "\"a,b\"")
        #expect(CSVReportWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReportWriter.field("two\nlines") == "\"two\nlines\"")
    }

    @Test func formulaLikeCellsAreDefused() {
        #expect(CSVReportWriter.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVReportWriter.field("@SUM(A1)") == "'@SUM(A1)")
    }

    @Test func secretsAreRedactedAndRoundTripIntact() throws {
        let text = try CSVReportWriter().write(ReviewFixtures.scanReview())
        #expect(!text.contains(ReviewFixtures.awkwardSecret) && !text.contains(ReviewFixtures.awsSecret))
        let rows = parse(text)
        let hostile = try #require(rows.first { $0[3] == ReviewFixtures.hostilePath })
        #expect(hostile[8] == Redactor().redact(ReviewFixtures.awkwardSecret))
        #expect(hostile[0] == "scan" && hostile[1] == "medium" && hostile[4] == "2" && hostile[5] == "12")
    }
}
