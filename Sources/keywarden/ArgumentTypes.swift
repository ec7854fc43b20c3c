import ArgumentParser
import Foundation
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReport
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension Confidence: ExpressibleByArgument {}

/// The severity at which a run fails, or `none` to never fail on findings.
enum FailureThreshold: ExpressibleByArgument, Equatable, CustomStringConvertible {
    case severity(Severity)
    case none

    var description: String {
        switch self {
        case let .severity(severity): severity.rawValue
        case .none: "none"
        }
    }

    var defaultValueDescription: String { description }

    init?(argument: String) {
        if argument == "none" { self = .none } else if let severity = Severity(rawValue: argument) { self = .severity(severity) } else { return nil }
    }

    static var allValueStrings: [String] { Severity.allCases.map(\.rawValue) + ["none"] }

    func isMet(by severities: some Sequence<Severity>) -> Bool {
        guard case let .severity(threshold) = self else { return false }
        return severities.contains { $0 >= threshold }
    }
}

/// A size such as 10M, 512K or 1048576.
struct ByteSize: ExpressibleByArgument {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    /// "10M" rather than the struct's debug form in `--help`.
    var defaultValueDescription: String {
        for (unit, size) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size)\(unit)"
        }
        return String(bytes)
    }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var text = argument.uppercased()
        if text.hasSuffix("B") { text.removeLast() }
        var multiplier = 1
        if let last = text.last, let unit = units[last] {
            multiplier = unit
            text.removeLast()
        }
        // A size that overflows (9223372036854775807K) is refused, not wrapped or trapped.
        guard let value = Int(text), value >= 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        bytes = product
    }
}

/// An ISO 8601 instant for `--now`.
struct Instant: ExpressibleByArgument {
    let date: Date

    /// `2026-11-20T08:00:00Z`, with fractional seconds, or a day (`2026-11-20`, midnight UTC).
    init?(argument: String) {
        guard let date = ISO8601Date.parse(argument) else { return nil }
        self.date = date
    }
}
