import Foundation
import Testing
@testable import KeyWardenCore

/// Docs/policy.md shows each check exactly as its descriptor declares it.
@Suite struct PolicyDocumentationTests {
    @Test func catalogueTableMatchesTheCheckDescriptors() throws {
        let docs = try String(contentsOfFile: packageRoot + "/Docs/policy.md", encoding: .utf8)
        for check in AuditCatalogue.descriptors {
            let row = "| `\(check.id)` | \(check.severity.rawValue) | \(check.summary) | \(check.remediation) |"
            #expect(docs.contains(row), "Docs/policy.md lacks the row: \(row)")
        }
    }

    @Test func fieldReferenceMentionsEveryPolicyField() throws {
        let docs = try String(contentsOfFile: packageRoot + "/Docs/policy.md", encoding: .utf8)
        for field in PolicyFormat.topFields + PolicyFormat.requirementFields + PolicyFormat.appFields + PolicyFormat.waiverFields {
            #expect(docs.contains("\(field.name):"), "Docs/policy.md does not show '\(field.name)'")
        }
    }

    @Test func vocabularyTableListsEveryRawPermissionName() throws {
        let docs = try String(contentsOfFile: packageRoot + "/Docs/policy.md", encoding: .utf8)
        for provider in Provider.allCases {
            for name in PermissionVocabulary.names(for: provider).keys {
                #expect(docs.contains("`\(name)`"), "\(provider): \(name)")
            }
        }
    }
}
