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

@Suite struct YAMLDiagnosticsTests {
    @Test func malformedYAMLNamesLineAndColumn() throws {
        let error = try #require(throws: DiagnosticError.self) {
            try YAMLDocument.parse("rules:\n  - id: a\n    pattern: [unclosed\n", file: "bad.yaml")
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location.file == "bad.yaml")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.message.hasPrefix("malformed YAML"))
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() throws {
        let root = try YAMLDocument.parse("name: x\nseverty: high\n", file: "c.yaml")
        let error = try #require(throws: DiagnosticError.self) {
            try root.fields(required: ["name"], optional: ["severity"])
        }
        #expect(error.description == "c.yaml:2:1: error: unknown key 'severty' (did you mean 'severity'?)")
    }

    @Test func wrongTypePointsAtTheValue() throws {
        let root = try YAMLDocument.parse("count: [1, 2]\n", file: "c.yaml")
        let fields = try root.fields(optional: ["count"])
        let error = try #require(throws: DiagnosticError.self) { try fields["count"]!.int() }
        #expect(error.description == "c.yaml:1:8: error: expected an integer, found a list")
    }

    @Test func missingRequiredKeyPointsAtTheMapping() throws {
        let root = try YAMLDocument.parse("\nother: 1\n", file: "c.yaml")
        let error = try #require(throws: DiagnosticError.self) { try root.fields(required: ["rules"], optional: ["other"]) }
        #expect(error.description == "c.yaml:2:1: error: missing required key 'rules'")
    }

    @Test func duplicateKeysAreErrors() throws {
        #expect(throws: DiagnosticError.self) { try YAMLDocument.parse("a: 1\na: 2\n", file: "d.yaml") }
    }
}
