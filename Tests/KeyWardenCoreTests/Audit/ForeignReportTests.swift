import Crypto
import Foundation
import KeyWardenAudit
import KeyWardenReportModel
import Testing

/// Other scanners' reports as `audit --findings` input, each written here in that tool's
/// documented format with freshly made values: recognised by content, key ids the inventory
/// lists taken, everything else redacted or left out.
struct ForeignReportTests {
    static func random(_ count: Int, _ alphabet: String = "abcdef0123456789") -> String { String((0..<count).map { _ in alphabet.randomElement()! }) }
    let keyId = UUID().uuidString.lowercased()
    let secret = ForeignReportTests.random(32, "ABCDEF0123456789")

    func json(_ object: Any) throws -> Data { try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }

    func section(_ data: Data, tool: String) throws -> ScanSection {
        let report = try #require(ForeignReport.recognise(data))
        #expect(report.tool == tool)
        return report.scanSection(knownKeyIds: [keyId])
    }

    /// The finding at the key's line names the key; no output field holds the secret.
    func expectKeyFound(_ section: ScanSection, line: Int = 2, path: String = "deploy/okx.env") throws {
        let found = try #require(section.findings.first { $0.keyId == keyId }, "\(section.findings)")
        #expect(found.path == path && found.line == line)
        let encoded = String(decoding: try JSONEncoder().encode(section), as: UTF8.self)
        #expect(!encoded.contains(secret), "the secret is redacted")
    }

    @Test func gitleaksAndBetterleaksJSON() throws {
        let findings: [[String: Any]] = [
            ["RuleID": "generic-api-key", "Description": "Generic API Key", "StartLine": 2, "EndLine": 2, "StartColumn": 2, "EndColumn": 49,
             "Match": "OKX_API_KEY=\(keyId)", "Secret": keyId, "File": "deploy/okx.env", "Commit": "", "Entropy": 3.9, "Tags": [],
             "Fingerprint": "deploy/okx.env:generic-api-key:2"],
            ["RuleID": "generic-api-key", "Description": "Generic API Key", "StartLine": 3, "EndLine": 3, "StartColumn": 2, "EndColumn": 48,
             "Match": "OKX_SECRET_KEY=\(secret)", "Secret": secret, "File": "deploy/okx.env", "Commit": "", "Entropy": 3.9, "Tags": [],
             "Fingerprint": "deploy/okx.env:generic-api-key:3"],
        ]
        let section = try section(try json(findings), tool: "gitleaks/betterleaks")
        try expectKeyFound(section)
        #expect(section.findings.count == 2 && section.findings.filter { $0.keyId != nil }.count == 1)
        #expect(section.findings[0].rule == "gitleaks/generic-api-key")
    }

    @Test func truffleHogJSONLinesAmongLogLines() throws {
        let record: [String: Any] = ["SourceMetadata": ["Data": ["Filesystem": ["file": "deploy/okx.env", "line": 2]]], "SourceID": 1,
                                     "SourceType": 15, "SourceName": "trufflehog - filesystem", "DetectorType": 2, "DetectorName": "AWS",
                                     "DecoderName": "PLAIN", "Verified": false, "Raw": keyId, "RawV2": keyId + secret, "Redacted": keyId,
                                     "ExtraData": ["account": "402718365519"]]
        let text = "🐷🔑🐷  TruffleHog. Unearth your secrets. 🐷🔑🐷\n" + String(decoding: try json(record), as: UTF8.self) + "\n"
        let section = try section(Data(text.utf8), tool: "TruffleHog")
        try expectKeyFound(section)
        #expect(section.findings[0].rule == "trufflehog/AWS")
    }

    @Test func kingfisherJSON() throws {
        let envelope: [String: Any] = ["findings": [
            ["rule": ["name": "OKX API Key", "id": "kingfisher.okx.1"],
             "finding": ["snippet": keyId, "fingerprint": "1234", "confidence": "medium", "entropy": "3.90",
                         "validation": ["status": "Not Attempted", "response": ""], "language": "Shell", "line": 2, "column_start": 13,
                         "column_end": 49, "path": "deploy/okx.env"]],
        ]]
        let section = try section(try json(envelope), tool: "Kingfisher")
        try expectKeyFound(section)
        #expect(section.findings[0].column == 13)
    }

    @Test func detectSecretsBaselineMatchesByTheSecretsSHA1() throws {
        let hashed = Insecure.SHA1.hash(data: Data(keyId.utf8)).map { String(format: "%02x", $0) }.joined()
        let baseline: [String: Any] = ["version": "1.5.0", "plugins_used": [["name": "KeywordDetector"]], "filters_used": [],
                                       "results": ["deploy/okx.env": [["type": "Secret Keyword", "filename": "deploy/okx.env",
                                                                       "hashed_secret": hashed, "is_verified": false, "line_number": 2]]],
                                       "generated_at": "2026-11-20T00:00:00Z"]
        let section = try section(try json(baseline), tool: "detect-secrets")
        try expectKeyFound(section)
        #expect(section.findings[0].secret.hasPrefix("sha1:"))
    }

    @Test func sarifFromAnyTool() throws {
        let sarif: [String: Any] = ["version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [[
            "tool": ["driver": ["name": "semgrep", "rules": []]],
            "results": [["ruleId": "generic.secrets.okx-key", "message": ["text": "OKX key \(keyId) committed"],
                         "locations": [["physicalLocation": ["artifactLocation": ["uri": "deploy/okx.env"],
                                                             "region": ["startLine": 2, "startColumn": 13, "snippet": ["text": "OKX_API_KEY=\(keyId)"]]]]]]],
        ]]]
        let section = try section(try json(sarif), tool: "semgrep (SARIF)")
        try expectKeyFound(section)
    }

    @Test func valuesNoInventoryListsAreNeverKeyIds() throws {
        let findings: [[String: Any]] = [["RuleID": "generic-api-key", "StartLine": 3, "StartColumn": 2, "Match": "X=\(secret)", "Secret": secret,
                                          "File": "a.env"]]
        let section = try #require(ForeignReport.recognise(try json(findings))).scanSection(knownKeyIds: [keyId])
        #expect(section.findings.allSatisfy { $0.keyId == nil })
    }

    @Test func otherJSONIsNotRecognised() throws {
        #expect(ForeignReport.recognise(try json(["findings": [["id": 1]]])) == nil)
        #expect(ForeignReport.recognise(try json([["name": "x"]])) == nil)
        #expect(ForeignReport.recognise(Data("not json\nat all\n".utf8)) == nil)
    }
}
