import Foundation

/// Reads the key ids out of a `keywarden scan --format json` report (`findings[]` with `rule`,
/// `path`, `line`, `fingerprint` and optional `keyId`; other fields are ignored).
public enum ScanFindingsFile {
    /// The scan report could not be read: the audit cannot be completed on it (exit 3).
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot use scan findings \(path): \(reason)" }
    }

    public static func load(path: String) throws(LoadError) -> [LeakedKeyReference] {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(path: path, reason: "cannot read file") }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(LoadError) -> [LeakedKeyReference] {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw LoadError(path: path, reason: explain(error))
        } catch {
            throw LoadError(path: path, reason: "\(error)")
        }
        return document.findings.compactMap { record in
            guard let keyId = record.keyId, !keyId.isEmpty else { return nil }
            return LeakedKeyReference(keyId: keyId, rule: record.rule, path: record.path, line: record.line, fingerprint: record.fingerprint)
        }
    }

    private struct Document: Decodable {
        struct Record: Decodable {
            let rule: String
            let path: String
            let line: Int
            let fingerprint: String
            let keyId: String?
        }

        let findings: [Record]
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .keyNotFound(key, context): return "missing '\(key.stringValue)' at \(path(context).isEmpty ? "top level" : path(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at \(path(context)): \(context.debugDescription)"
        case let .dataCorrupted(context): return "not a JSON scan report: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
