import KeyWardenInventory

/// gitleaks (and betterleaks, which writes the same shape) `--report-format json`: an array of
/// objects with `RuleID`, `File`, `StartLine`, `StartColumn`, `Secret`, `Match`.
enum GitleaksReport {
    static func matches(_ json: JSONValue) -> Bool {
        guard let items = json.items else { return false }
        return items.allSatisfy { $0["RuleID"] != nil && $0["File"] != nil }
    }

    static func findings(_ json: JSONValue) -> [ForeignFinding] {
        (json.items ?? []).map { item in
            let secret = item["Secret"]?.text
            return ForeignFinding(rule: item["RuleID"]?.text ?? "unknown", path: item["File"]?.text ?? "", line: item["StartLine"]?.integer ?? 1,
                                  column: item["StartColumn"]?.integer ?? 1, secret: secret,
                                  candidates: [secret].compactMap { $0 } + ForeignFinding.tokens(item["Match"]?.text))
        }
    }
}
