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

    /// The table in Docs/policy.md is each exchange's `PermissionTable`, row for row: names grouped
    /// by what they grant (in the order read, trade, transfer, withdraw), in the table's order.
    @Test func vocabularyTableIsEveryExchangesPermissionTable() throws {
        let docs = try String(contentsOfFile: PackagePaths.root + "/Docs/policy.md", encoding: .utf8)
        for descriptor in Exchanges.all {
            let table = descriptor.permissions
            var groups: [(grants: [Permission], names: [String])] = []
            for name in table.names {
                let grants = table.permissions(for: name)!.sorted()
                if let index = groups.firstIndex(where: { $0.grants == grants }) { groups[index].names.append(name) } else { groups.append((grants, [name])) }
            }
            groups.sort { $0.grants.lexicographicallyPrecedes($1.grants) }
            let cells = groups.map { group in
                group.names.map { "`\($0)`" }.joined(separator: ", ") + " → " + group.grants.map(\.rawValue).joined(separator: " + ")
            }
            let row = "| \(descriptor.provider.rawValue) | \(cells.joined(separator: "; ")) |"
            #expect(docs.contains(row), "Docs/policy.md should have the row\n\(row)")
        }
    }
}
