import KeyWardenInventory

/// A detect-secrets baseline (`detect-secrets scan > .secrets.baseline`): `results` maps each
/// file to `{type, filename, line_number, hashed_secret}`. The secret itself is not kept, only
/// its SHA-1, so a key id matches when its SHA-1 equals `hashed_secret`.
enum DetectSecretsBaseline {
    static func matches(_ json: JSONValue) -> Bool {
        json["results"]?.fields != nil && (json["plugins_used"] != nil || json["generated_at"] != nil)
    }

    static func findings(_ json: JSONValue) -> [ForeignFinding] {
        let results = json["results"]?.fields ?? [:]
        return results.keys.sorted().flatMap { file in
            (results[file]?.items ?? []).map { item in
                ForeignFinding(rule: item["type"]?.text ?? "unknown", path: item["filename"]?.text ?? file,
                               line: item["line_number"]?.integer ?? 1, sha1: item["hashed_secret"]?.text?.lowercased())
            }
        }
    }
}
