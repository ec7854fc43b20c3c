import Foundation
import KeyWardenInventory

/// SARIF 2.1.0 from any tool: `runs[].results[]` with `ruleId`, `message.text`,
/// `locations[0].physicalLocation.artifactLocation.uri` and `region.startLine`,
/// `region.startColumn`, `region.snippet.text`, and `properties`. The tool is `runs[].tool.driver.name`.
enum SARIFFindings {
    static func matches(_ json: JSONValue) -> Bool {
        json["runs"]?.items != nil && (json["version"]?.text?.hasPrefix("2.") == true || json["$schema"]?.text?.contains("sarif") == true)
    }

    static func tool(_ json: JSONValue) -> String {
        let names = (json["runs"]?.items ?? []).compactMap { $0["tool"]?["driver"]?["name"]?.text }
        return names.isEmpty ? "SARIF" : Array(Set(names)).sorted().joined(separator: ", ") + " (SARIF)"
    }

    static func findings(_ json: JSONValue) -> [ForeignFinding] {
        (json["runs"]?.items ?? []).flatMap { run in
            (run["results"]?.items ?? []).map { result in
                let location = result["locations"]?.items?.first?["physicalLocation"]
                let region = location?["region"]
                let snippet = region?["snippet"]?["text"]?.text
                let texts = [snippet, result["message"]?["text"]?.text] + (result["properties"]?.allStrings ?? []).map(Optional.some)
                return ForeignFinding(rule: result["ruleId"]?.text ?? "unknown", path: (location?["artifactLocation"]?["uri"]?.text ?? "").replacingOccurrences(of: "file://", with: ""),
                                      line: region?["startLine"]?.integer ?? 1, column: region?["startColumn"]?.integer ?? 1,
                                      secret: snippet, candidates: [snippet?.trimmingCharacters(in: .whitespaces)].compactMap { $0 }
                                        + texts.flatMap(ForeignFinding.tokens))
            }
        }
    }
}
