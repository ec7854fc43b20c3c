import Foundation
import KeyWardenSupport

/// Reads a report `keywarden scan|audit|report --format json` saved: the interchange
/// `keywarden report` re-renders and merges, and `audit --findings` reads key ids from.
public enum SavedReport: Sendable {

    /// The file could not be read or is not a saved keywarden report (exit 3: nothing to render).
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        /// What the file was read as, for the message: "saved report", "scan findings".
        public var role = "saved report"
        public var description: String { "cannot use \(role) \(path): \(reason)" }

        public init(path: String, reason: String, role: String = "saved report") {
            self.path = path
            self.reason = reason
            self.role = role
        }
    }

    /// `role` names what the file is read as in an error message ("saved report", "scan findings").
    public static func load(path: String, as role: String = "saved report") throws(LoadError) -> ReportDocument {
        do throws(LoadError) {
            guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(path: path, reason: "cannot read file") }
            return try parse(data, path: path)
        } catch {
            var error = error
            error.role = role
            throw error
        }
    }

    /// Audit sections say `"kind": "audit"`; scan sections have no `kind`; a report holding
    /// both says `"kind": "combined"` and nests them under `scan` and `audit`.
    public static func parse(_ data: Data, path: String) throws(LoadError) -> ReportDocument {
        // The decoder would keep one of two same-named keys and drop the other silently: a finding
        // or a whole section could vanish from a report that still decodes.
        if let duplicate = JSONDuplicateKeys.first(in: data) {
            throw LoadError(path: path, reason: "\(duplicate); a saved report never repeats a key")
        }
        do {
            let probe = try JSONDecoder().decode(KindProbe.self, from: data)
            switch probe.kind {
            case "audit": return ReportDocument(audit: try JSONDecoder().decode(AuditSection.self, from: data))
            case CombinedReport.kind:
                let combined = try JSONDecoder().decode(CombinedReport.self, from: data)
                return ReportDocument(scan: combined.scan, audit: combined.audit)
            default:
                guard probe.tool == "keywarden" else { throw LoadError(path: path, reason: "not a keywarden report (no \"tool\": \"keywarden\")") }
                return ReportDocument(scan: try JSONDecoder().decode(ScanSection.self, from: data))
            }
        } catch let error as LoadError {
            throw error
        } catch let error as DecodingError {
            throw LoadError(path: path, reason: explain(error))
        } catch {
            throw LoadError(path: path, reason: "\(error)")
        }
    }

    private struct KindProbe: Decodable {
        let kind: String?
        let tool: String?
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "top level" : text
        }
        switch error {
        case let .keyNotFound(key, context): return "missing '\(key.stringValue)' at \(path(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at \(path(context)): \(context.debugDescription)"
        case let .dataCorrupted(context):
            return "not JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The JSON of a report that holds both a scan and an audit (`keywarden report --format json`
/// given both kinds): each section as it is saved on its own, side by side.
package struct CombinedReport: Codable {
    static let kind = "combined"
    var tool = "keywarden"
    var kind = CombinedReport.kind
    var version: String
    var scan: ScanSection
    var audit: AuditSection

    package init(version: String, scan: ScanSection, audit: AuditSection) {
        self.version = version
        self.scan = scan
        self.audit = audit
    }
}

extension SavedReport.LoadError: ClassifiedError {
    /// Nothing to render, nothing to audit against: the job cannot be completed.
    public var failureClass: FailureClass { .incomplete }
}
