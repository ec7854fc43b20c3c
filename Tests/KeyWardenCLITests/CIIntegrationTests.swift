import Foundation
import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// The GitHub action and the GitLab template are code users copy: their YAML is checked the
/// way the CI systems read it (required keys, inputs used exist, the flags they pass exist),
/// and the GitLab report has the fields GitLab's secret-detection schema requires.
@Suite struct CIIntegrationTests {
    static let token = "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"

    func load(_ relative: String) throws -> (text: String, root: YAMLNode) {
        let path = PackagePaths.root + "/" + relative
        return (try String(contentsOfFile: path, encoding: .utf8), try YAMLDocument.load(path: path))
    }

    /// `${{ inputs.NAME }}` and `inputs.NAME` inside expressions.
    func inputsReferenced(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let range = rest.range(of: "inputs.") {
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if !name.isEmpty { names.insert(String(name)) }
            rest = rest[range.upperBound...]
        }
        return names
    }

    @Test func theActionIsACompositeActionWhoseInputsAllExistAndAreUsed() throws {
        let (text, root) = try load("action.yml")
        let top = try root.fields(required: ["name", "description", "runs"], optional: ["inputs", "outputs", "branding"])
        let declared = Set(try top.required("inputs").entries().map { try $0.key.string() })
        for (_, input) in try top.required("inputs").entries() {
            _ = try input.fields(required: ["description"], optional: ["required", "default"])
        }
        #expect(inputsReferenced(in: text) == declared, "used vs declared inputs")
        let runs = try top.required("runs").fields(required: ["using", "steps"])
        #expect(try runs.required("using").string() == "composite")
        var stepIds = Set<String>()
        for step in try runs.required("steps").list() {
            let fields = try step.fields(optional: ["name", "id", "if", "uses", "with", "shell", "run", "env"])
            #expect((fields["run"] == nil) != (fields["uses"] == nil), "a step runs a command or uses an action")
            if fields["run"] != nil { #expect(fields["shell"] != nil, "a composite run step needs a shell") }
            if let id = fields["id"] { stepIds.insert(try id.string()) }
        }
        for (_, output) in try top.required("outputs").entries() {
            let value = try output.fields(required: ["description", "value"]).required("value").string()
            let step = value.components(separatedBy: "steps.").dropFirst().first?.split(separator: ".").first.map(String.init)
            #expect(step.map(stepIds.contains) == true, "output refers to a step that exists: \(value)")
        }
    }

    @Test func theFlagsTheActionAndTheTemplatePassExist() throws {
        let help = try CLIHarness.run(["scan", "--help"]).stdout
        for flag in ["--format", "--output", "--fail-on", "--git", "--since-commit"] {
            #expect(help.contains(flag), "scan has no \(flag)")
        }
        for format in ["sarif", "gitlab"] { #expect(help.contains(format), "no format \(format)") }
        #expect(try load("action.yml").text.contains("--since-commit"))
    }

    @Test func theGitLabTemplatePublishesTheReportItWrites() throws {
        let (_, root) = try load("ci/gitlab-secret-detection.yml")
        let job = try root.fields(required: ["keywarden-secret-detection"]).required("keywarden-secret-detection")
        let fields = try job.fields(required: ["script", "artifacts"], optional: ["stage", "image", "variables", "before_script"])
        let script = try fields.required("script").stringList().joined(separator: "\n")
        #expect(script.contains("--format gitlab --output gl-secret-detection-report.json"))
        let reports = try fields.required("artifacts").fields(optional: ["when", "reports", "paths"]).required("reports")
        #expect(try reports.fields(required: ["secret_detection"]).required("secret_detection").string() == "gl-secret-detection-report.json")
    }

    @Test func theGitLabReportHasTheFieldsTheSchemaRequires() throws {
        let directory = try TemporaryDirectory()
        try directory.write("app.env", "GITHUB_TOKEN=\(Self.token)\n")
        let outcome = try CLIHarness.run(["scan", directory.path, "--format", "gitlab", "--now", "2026-11-20T08:00:00Z"])
        #expect(outcome.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(report["version"] as? String == "15.0.7")
        let scan = try #require(report["scan"] as? [String: Any])
        #expect(scan["type"] as? String == "secret_detection")
        #expect(scan["status"] as? String == "success")
        #expect(scan["start_time"] as? String == "2026-11-20T08:00:00")
        for tool in ["analyzer", "scanner"] {
            let fields = try #require(scan[tool] as? [String: Any])
            #expect(fields["id"] != nil && fields["name"] != nil && fields["version"] != nil && (fields["vendor"] as? [String: Any])?["name"] != nil)
        }
        let vulnerabilities = try #require(report["vulnerabilities"] as? [[String: Any]])
        let vulnerability = try #require(vulnerabilities.first)
        #expect(vulnerabilities.count == 1)
        #expect((vulnerability["id"] as? String)?.count == 32)
        #expect(vulnerability["category"] as? String == "secret_detection")
        #expect(vulnerability["severity"] as? String == "Critical")
        let location = try #require(vulnerability["location"] as? [String: Any])
        #expect(location["file"] as? String == directory.path + "/app.env")
        #expect(location["start_line"] as? Int == 1)
        #expect((location["commit"] as? [String: Any])?["sha"] != nil)
        let identifier = try #require((vulnerability["identifiers"] as? [[String: Any]])?.first)
        #expect(identifier["value"] as? String == "github-token")
        #expect(!outcome.stdout.contains(Self.token))
    }
}
