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

@Suite struct PolicySchemaTests {
    func schema() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try PolicySchema.json().utf8)) as? [String: Any])
    }

    @Test func schemaDescribesEveryFieldTheLoaderReads() throws {
        let root = try schema()
        let properties = try #require(root["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(PolicyFormat.topFields.map(\.name)))
        let apps = try #require((properties["apps"] as? [String: Any])?["items"] as? [String: Any])
        #expect(Set((apps["properties"] as? [String: Any] ?? [:]).keys) == Set(PolicyFormat.appFields.map(\.name)))
        #expect(apps["required"] as? [String] == ["name", "owner", "provider", "account", "permissions"])
        #expect(apps["additionalProperties"] as? Bool == false)
        let waivers = try #require((properties["waivers"] as? [String: Any])?["items"] as? [String: Any])
        #expect((waivers["required"] as? [String])?.contains("expires") == true)
    }

    /// Validates the shipped policies against the schema with Python's jsonschema (installed by
    /// `make deps`; installed here too when missing), after converting them from YAML to JSON.
    @Test func shippedPoliciesValidateAgainstTheSchema() throws {
        let directory = try TemporaryDirectory()
        let schemaPath = try directory.write("schema.json", try PolicySchema.json())
        var instances: [String] = []
        for file in ["Rules/policies/strict-default.yaml", "Rules/policies/trading-bot.yaml", "Samples/policies/trading-desk.yaml"] {
            let root = try YAMLDocument.load(path: PackagePaths.root + "/" + file)
            let data = try JSONSerialization.data(withJSONObject: jsonValue(root), options: [.sortedKeys])
            instances.append(try directory.write((file as NSString).lastPathComponent + ".json", data))
        }
        let badPath = try directory.write("bad.json", #"{"version": 1, "apps": [{"name": "x", "provider": "okx"}]}"#)
        let script = """
        import json, subprocess, sys
        try:
            import jsonschema
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", "jsonschema"], check=True)
            import jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:-1]:
            errors = list(validator.iter_errors(json.load(open(path))))
            if errors: print(path, errors[0].message); sys.exit(1)
        if not list(validator.iter_errors(json.load(open(sys.argv[-1])))): print("bad instance accepted"); sys.exit(1)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath] + instances + [badPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }

    /// YAML to JSON values through the located reader: mappings, lists, integers, booleans, strings.
    func jsonValue(_ node: YAMLNode) throws -> Any {
        if let entries = try? node.entries() {
            return Dictionary(uniqueKeysWithValues: try entries.map { (try $0.key.string(), try jsonValue($0.value)) })
        }
        if let items = try? node.list() { return try items.map(jsonValue) }
        if let value = try? node.int() { return value }
        if let value = try? node.bool() { return value }
        return try node.string()
    }
}
