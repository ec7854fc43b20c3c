import Foundation
@testable import KeyWardenAccounts
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

/// Docs/policy.md shows each check exactly as its descriptor declares it.
@Suite struct PolicyDocumentationTests {
    @Test func catalogueTableMatchesTheCheckDescriptors() throws {
        let docs = try String(contentsOfFile: PackagePaths.root + "/Docs/policy.md", encoding: .utf8)
        for check in AuditCatalogue.descriptors {
            let row = "| `\(check.id)` | \(check.severity.rawValue) | \(check.summary) | \(check.remediation) |"
            #expect(docs.contains(row), "Docs/policy.md lacks the row: \(row)")
        }
    }

    @Test func fieldReferenceMentionsEveryPolicyField() throws {
        let docs = try String(contentsOfFile: PackagePaths.root + "/Docs/policy.md", encoding: .utf8)
        for field in PolicyFormat.topFields + PolicyFormat.requirementFields + PolicyFormat.appFields + PolicyFormat.waiverFields {
            #expect(docs.contains("\(field.name):"), "Docs/policy.md does not show '\(field.name)'")
        }
    }

    @Test func vocabularyTableListsEveryRawPermissionName() throws {
        let docs = try String(contentsOfFile: PackagePaths.root + "/Docs/policy.md", encoding: .utf8)
        for provider in Provider.allCases {
            for name in PermissionVocabulary.names(for: provider).keys {
                #expect(docs.contains("`\(name)`"), "\(provider): \(name)")
            }
        }
    }
}
