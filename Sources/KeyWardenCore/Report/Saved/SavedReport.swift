import Foundation

/// A report `keywarden scan|audit --format json` saved: the interchange `keywarden report`
/// re-renders and merges without rescanning.
public enum SavedReport: Sendable {
    case scan(ScanReportDocument)
    case audit(AuditReportDocument)

    /// The file could not be read or is not a saved keywarden report (exit 3: nothing to render).
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot use saved report \(path): \(reason)" }
    }

    public static func load(path: String) throws(LoadError) -> SavedReport {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(path: path, reason: "cannot read file") }
        return try parse(data, path: path)
    }

    /// Audit documents say `"kind": "audit"`; scan documents have no `kind`.
    public static func parse(_ data: Data, path: String) throws(LoadError) -> SavedReport {
        do {
            let probe = try JSONDecoder().decode(KindProbe.self, from: data)
            if probe.kind == "audit" { return .audit(try JSONDecoder().decode(AuditReportDocument.self, from: data)) }
            guard probe.tool == "keywarden" else { throw LoadError(path: path, reason: "not a keywarden report (no \"tool\": \"keywarden\")") }
            return .scan(try JSONDecoder().decode(ScanReportDocument.self, from: data))
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
