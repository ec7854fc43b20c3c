/// One key's age against the maximum its policy allows: a bar of the audit report's chart.
public struct KeyAge: Sendable, Hashable, Codable {
    public let provider: String
    public let account: String
    public let keyId: String
    public let app: String?
    public let ageDays: Int
    public let maxAgeDays: Int
    /// Days before the maximum when the warning starts; nil when the saved report does not say.
    public let warningDays: Int?

    public init(provider: String, account: String, keyId: String, app: String?, ageDays: Int, maxAgeDays: Int, warningDays: Int?) {
        self.provider = provider
        self.account = account
        self.keyId = keyId
        self.app = app
        self.ageDays = ageDays
        self.maxAgeDays = maxAgeDays
        self.warningDays = warningDays
    }

    public var isOverdue: Bool { ageDays > maxAgeDays }
    public var isDueSoon: Bool { !isOverdue && ageDays >= maxAgeDays - (warningDays ?? 14) }

    /// What a report saved before audits recorded key ages says about them: the keys its
    /// rotation-age findings name.
    public static func fromRotationFindings(_ records: [AuditSection.FindingRecord]) -> [KeyAge] {
        var seen = Set<String>()
        return records.compactMap { record -> KeyAge? in
            guard record.check == "rotation-age", let keyId = record.keyId,
                  let age = record.evidence("ageDays").flatMap(Int.init), let max = record.evidence("maxKeyAgeDays").flatMap(Int.init),
                  seen.insert("\(record.provider ?? "")/\(record.account ?? "")/\(keyId)").inserted else { return nil }
            return KeyAge(provider: record.provider ?? "", account: record.account ?? "", keyId: keyId, app: record.app,
                          ageDays: age, maxAgeDays: max, warningDays: nil)
        }.sorted(by: chartOrder)
    }

    /// Oldest relative to its limit first, so the keys to rotate lead the chart.
    public static func chartOrder(_ a: KeyAge, _ b: KeyAge) -> Bool {
        let ra = Double(a.ageDays) / Double(max(a.maxAgeDays, 1)), rb = Double(b.ageDays) / Double(max(b.maxAgeDays, 1))
        if ra != rb { return ra > rb }
        return (a.provider, a.account, a.keyId) < (b.provider, b.account, b.keyId)
    }
}
