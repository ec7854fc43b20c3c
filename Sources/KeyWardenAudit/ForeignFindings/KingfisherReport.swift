import KeyWardenInventory

/// Kingfisher `--format json` (`{"findings": [...]}`), or its JSON lines / array of records:
/// each `{"rule": {"id", "name"}, "finding": {"snippet", "path", "line", "column_start"}}`.
enum KingfisherReport {
    static func records(_ json: JSONValue) -> [JSONValue]? {
        let items = json["findings"]?.items ?? json.items
        guard let items, items.allSatisfy(isRecord) else { return nil }
        return items
    }

    static func isRecord(_ item: JSONValue) -> Bool { item["rule"]?.fields != nil && item["finding"]?.fields != nil }

    static func findings(_ records: [JSONValue]) -> [ForeignFinding] {
        records.map { record in
            let finding = record["finding"]!
            let snippet = finding["snippet"]?.text
            return ForeignFinding(rule: record["rule"]?["id"]?.text ?? record["rule"]?["name"]?.text ?? "unknown",
                                  path: finding["path"]?.text ?? "", line: finding["line"]?.integer ?? 1,
                                  column: finding["column_start"]?.integer ?? 1, secret: snippet,
                                  candidates: [snippet].compactMap { $0 } + ForeignFinding.tokens(snippet))
        }
    }
}
