import KeyWardenInventory
import KeyWardenReportModel
/// A key id the scanner found in code: where, and by which rule. The bridge from a scan to the
/// inventory (leaked-live-key).
public struct LeakedKeyReference: Sendable, Hashable {
    public let keyId: String
    public let rule: String
    public let path: String
    public let line: Int
    public let fingerprint: String

    public init(keyId: String, rule: String, path: String, line: Int, fingerprint: String) {
        self.keyId = keyId
        self.rule = rule
        self.path = path
        self.line = line
        self.fingerprint = fingerprint
    }
}

extension LeakedKeyReference {
    /// The key ids a scan found (findings that carry a `keyId`), in the scan's order.
    public static func references(in scan: ScanSection?) -> [LeakedKeyReference] {
        (scan?.findings ?? []).compactMap { record in
            guard let keyId = record.keyId, !keyId.isEmpty else { return nil }
            return LeakedKeyReference(keyId: keyId, rule: record.rule, path: record.path, line: record.line,
                                      fingerprint: record.fingerprint)
        }
    }
}
