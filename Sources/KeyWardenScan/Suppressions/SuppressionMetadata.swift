import Foundation
import KeyWardenSupport

/// Who accepted a finding, why, and until when: what an inline marker
/// (`keywarden:allow reason="test fixture" owner=alice@example.com until=2027-03-31`) or a
/// baseline entry may say. An expired suppression stops suppressing: the finding comes back,
/// carrying the old reason, so a "temporary" exception cannot become permanent by neglect.
public struct SuppressionMetadata: Sendable, Hashable, Codable {
    public var reason: String?
    public var owner: String?
    /// The last day it holds, `YYYY-MM-DD` (UTC).
    public var until: String?

    public init(reason: String? = nil, owner: String? = nil, until: String? = nil) {
        self.reason = reason
        self.owner = owner
        self.until = until
    }

    /// Why a suppression no longer hides its finding.
    public enum Lapse: String, Sendable, Hashable, Codable {
        /// Past its `until`.
        case expired
        /// Without reason, owner and expiry, where the configuration requires them.
        case incomplete
    }

    /// Whether it still hides its finding at `now`, or why not.
    public func lapse(now: Date, requireMetadata: Bool) -> Lapse? {
        if isExpired(now: now) { return .expired }
        if requireMetadata, !isComplete { return .incomplete }
        return nil
    }

    /// Says who, why and until when: what `--require-suppression-metadata` asks of every marker.
    public var isComplete: Bool { reason != nil && owner != nil && until != nil }

    /// Past its last day (an `until` that is not a date counts as expired: it cannot be checked).
    public func isExpired(now: Date) -> Bool {
        guard let until else { return false }
        guard let day = ISO8601Date.parse(until) else { return true }
        return now >= day.addingTimeInterval(86_400)
    }

    /// `key=value` and `key="quoted value"` pairs after a marker; unknown keys are ignored.
    public static func parse(_ text: Substring) -> SuppressionMetadata {
        var metadata = SuppressionMetadata()
        var rest = text
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init) ?? ""
            var value = rest[rest.index(after: equals)...]
            let parsed: Substring
            if value.first == "\"", let close = value.dropFirst().firstIndex(of: "\"") {
                parsed = value[value.index(after: value.startIndex)..<close]
                value = value[value.index(after: close)...]
            } else {
                let end = value.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? value.endIndex
                parsed = value[..<end]
                value = value[end...]
            }
            let trimmed = parsed.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                switch key {
                case "reason": metadata.reason = trimmed
                case "owner": metadata.owner = trimmed
                case "until": metadata.until = trimmed
                default: break
                }
            }
            rest = value
        }
        return metadata
    }
}

/// A suppression that no longer hides its finding, and why.
public struct SuppressionLapse: Sendable, Hashable {
    public let metadata: SuppressionMetadata
    public let lapse: SuppressionMetadata.Lapse

    public init(_ metadata: SuppressionMetadata, _ lapse: SuppressionMetadata.Lapse) {
        self.metadata = metadata
        self.lapse = lapse
    }
}
