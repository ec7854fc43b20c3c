import Foundation
import KeyWardenInputs
import KeyWardenReportModel
import KeyWardenSupport

/// Every suppression in force under some paths: inline markers in files (with who committed
/// each, in a git repository) and baseline entries. What `keywarden suppressions` lists, so
/// exceptions have owners and get revisited.
public struct SuppressionLedger: Sendable {
    public struct Entry: Sendable, Codable, Equatable {
        /// `inline` (a marker on the line), `next-line` (a marker for the line after) or `baseline`.
        public var kind: String
        public var path: String
        public var line: Int?
        public var marker: String?
        public var rule: String?
        public var fingerprint: String?
        public var reason: String?
        public var owner: String?
        public var until: String?
        /// `active`, `expired`, or `no-metadata` (no reason, owner or expiry given).
        public var status: String
        public var commit: String?
        public var author: String?
        public var date: String?
    }

    public let entries: [Entry]

    /// Markers in the text files under `roots` and the entries of `baseline`, sorted by path and line.
    public static func collect(roots: [String], skip: @escaping @Sendable (String) -> Bool, baseline: (path: String, Baseline)?,
                               now: Date) throws -> SuppressionLedger {
        let listing = try DirectorySource(roots: roots, skip: skip).entries()
        var directory = roots.first ?? "."
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            directory = (directory as NSString).deletingLastPathComponent
        }
        let repository = try? GitRepository(at: directory.isEmpty ? "." : directory)
        var entries: [Entry] = []
        for file in listing.files {
            guard case let .text(bytes) = FileContent.read(path: file.path, maxSize: 10 << 20) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.contains("allow") else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let (kind, marker, metadata) = Self.marker(in: line) else { continue }
                var entry = Entry(kind: kind, path: file.path, line: index + 1, marker: marker, rule: nil, fingerprint: nil,
                                  reason: metadata.reason, owner: metadata.owner, until: metadata.until,
                                  status: status(metadata, now: now))
                let absolute = URL(fileURLWithPath: file.path).standardizedFileURL.path
                if let repository, let blame = GitBlame.line(index + 1, of: absolute, in: repository) {
                    entry.commit = blame.commit
                    entry.author = "\(blame.author) <\(blame.email)>"
                    entry.date = ISO8601Date.format(Date(timeIntervalSince1970: TimeInterval(blame.time)))
                }
                entries.append(entry)
            }
        }
        if let (path, baseline) = baseline {
            for item in baseline.entries {
                entries.append(Entry(kind: "baseline", path: item.path, line: nil, marker: path, rule: item.rule, fingerprint: item.fingerprint,
                                     reason: item.note, owner: item.owner, until: item.until, status: status(item.metadata, now: now)))
            }
        }
        return SuppressionLedger(entries: entries.sorted { ($0.path, $0.line ?? 0, $0.kind) < ($1.path, $1.line ?? 0, $1.kind) })
    }

    static func status(_ metadata: SuppressionMetadata, now: Date) -> String {
        if metadata.isExpired(now: now) { return "expired" }
        return metadata.reason == nil && metadata.owner == nil && metadata.until == nil ? "no-metadata" : "active"
    }

    /// The marker on a line, if any, with what follows it.
    static func marker(in line: Substring) -> (kind: String, marker: String, metadata: SuppressionMetadata)? {
        for marker in InlineAllowMarkers.nextLine {
            if let range = line.range(of: marker) { return ("next-line", marker, .parse(line[range.upperBound...])) }
        }
        for marker in InlineAllowMarkers.sameLine {
            if let range = line.range(of: marker) { return ("inline", marker, .parse(line[range.upperBound...])) }
        }
        return nil
    }

    /// The review formats' summary: counts by owner, and what expires within `days` of `now`.
    public func summary(now: Date, days: Int = 30) -> ScanSection.SuppressionSummary {
        let active = entries.filter { $0.status != "expired" }
        let horizon = now.addingTimeInterval(Double(days) * 86_400)
        let soon = active.filter { entry in entry.until.flatMap(ISO8601Date.parse).map { $0 <= horizon } ?? false }
        return ScanSection.SuppressionSummary(
            total: active.count,
            byOwner: Dictionary(grouping: active) { $0.owner ?? "(no owner)" }.mapValues(\.count),
            expiringSoon: soon.map { .init(path: $0.path, line: $0.line, owner: $0.owner, reason: $0.reason, until: $0.until ?? "") })
    }
}
