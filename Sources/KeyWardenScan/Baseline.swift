import Foundation
import KeyWardenInputs
import KeyWardenMatching
import KeyWardenReportModel
import KeyWardenSupport

/// Findings a team has accepted as known, so that only new ones fail a run.
///
/// ```yaml
/// findings:
///   - fingerprint: 3b1f…  # keyed hash of rule id and secret: the entry's identity
///     rule: github-token
///     path: "src/app.py"
///     note: "test account, revoked 2026-01"   # optional
/// ```
///
/// Identity is the fingerprint alone, so a secret that moves to another line or file stays
/// hidden and a different secret on the same line is reported. The file is built to merge: one
/// entry per fingerprint, sorted, no timestamps or line numbers, each entry on lines of its own
/// (no separators between entries, unlike a JSON array), so two branches that add different
/// entries merge without conflicts.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var fingerprint: String
        public var rule: String
        public var path: String
        /// Why it is accepted (the suppression's reason).
        public var note: String?
        public var owner: String?
        /// The last day the entry hides the finding (`YYYY-MM-DD`); after it, the finding is back.
        public var until: String?

        public init(fingerprint: String, rule: String, path: String, note: String? = nil, owner: String? = nil, until: String? = nil) {
            self.fingerprint = fingerprint
            self.rule = rule
            self.path = path
            self.note = note
            self.owner = owner
            self.until = until
        }

        public var metadata: SuppressionMetadata { SuppressionMetadata(reason: note, owner: owner, until: until) }
    }

    /// Entries in file order: by path, rule, fingerprint.
    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) {
        // One entry per fingerprint: the first path in order names it, and any note survives.
        let order = { (a: Entry, b: Entry) in (a.path, a.rule, a.fingerprint) < (b.path, b.rule, b.fingerprint) }
        var byFingerprint: [String: Entry] = [:]
        for entry in entries.sorted(by: order) {
            if byFingerprint[entry.fingerprint] == nil {
                byFingerprint[entry.fingerprint] = entry
            } else if byFingerprint[entry.fingerprint]?.note == nil {
                byFingerprint[entry.fingerprint]?.note = entry.note
            }
        }
        self.entries = byFingerprint.values.sorted(by: order)
    }

    /// A baseline of `findings`, keeping the notes, owners and expiry `previous` had for the same
    /// fingerprints.
    public init(findings: [Finding], keepingNotesFrom previous: Baseline? = nil) {
        let kept = Dictionary((previous?.entries ?? []).map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(entries: findings.map {
            let old = kept[$0.fingerprint] ?? kept[Fingerprint.plain(rule: $0.rule, secret: $0.secret)]
            return Entry(fingerprint: $0.fingerprint, rule: $0.rule, path: $0.path, note: old?.note, owner: old?.owner, until: old?.until)
        })
    }

    public var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

    /// Splits findings into those the baseline does not know or no longer hides (reported; an
    /// expired entry's finding carries what the entry said) and those it hides.
    ///
    /// Baselines written before fingerprints were keyed hold plain SHA-256 fingerprints; those
    /// still hide their findings (`legacy` counts them, so the command can ask for a rewrite).
    public func filter(_ findings: [Finding], now: Date = Date()) -> (reported: [Finding], hidden: [Finding], legacy: Int) {
        let known = Dictionary(entries.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        var reported: [Finding] = []
        var hidden: [Finding] = []
        var legacy = 0
        for finding in findings {
            let plain = Fingerprint.plain(rule: finding.rule, secret: finding.secret)
            guard let entry = known[finding.fingerprint] ?? known[plain] else {
                reported.append(finding)
                continue
            }
            if entry.metadata.isExpired(now: now) {
                var back = finding
                back.lapsedSuppression = SuppressionLapse(entry.metadata, .expired)
                reported.append(back)
            } else {
                hidden.append(finding)
                if known[finding.fingerprint] == nil { legacy += 1 }
            }
        }
        return (reported, hidden, legacy)
    }

    // MARK: file format

    static let header = """
    # keywarden baseline: findings accepted as known. `keywarden scan --baseline FILE` hides them.
    # Identity is the fingerprint (HMAC of rule id and secret under this installation's key, see
    # Docs/reports.md); rule, path and note are for people.
    # Regenerate with --baseline-out FILE (notes are kept when --baseline names the old file).

    """

    /// The file's text: stable bytes for the same entries.
    public func yaml() -> String {
        guard !entries.isEmpty else { return Self.header + "findings: []\n" }
        var text = Self.header + "findings:\n"
        for entry in entries {
            text += "  - fingerprint: \(Self.quoted(entry.fingerprint))\n"
            text += "    rule: \(Self.quoted(entry.rule))\n"
            text += "    path: \(Self.quoted(entry.path))\n"
            if let note = entry.note { text += "    note: \(Self.quoted(note))\n" }
            if let owner = entry.owner { text += "    owner: \(Self.quoted(owner))\n" }
            if let until = entry.until { text += "    until: \(Self.quoted(until))\n" }
        }
        return text
    }

    /// A YAML double-quoted scalar; JSON's string escapes are valid in one.
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    public func write(to path: String) throws {
        do {
            try OutputFile.write(Data(yaml().utf8), to: path)
        } catch {
            throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "cannot write baseline: \(error.localizedDescription)")
        }
    }

    /// Reads a baseline file; every error names file:line:column.
    public static func load(path: String) throws -> Baseline {
        let root = try YAMLDocument.load(path: path)
        let fields = try root.fields(required: ["findings"])
        var entries: [Entry] = []
        for node in try fields.required("findings").list() {
            let entry = try node.fields(required: ["fingerprint", "rule", "path"], optional: ["note", "owner", "until"])
            let fingerprint = try entry.required("fingerprint").string()
            guard fingerprint.count == 64, fingerprint.allSatisfy(\.isHexDigit) else {
                throw entry.required("fingerprint").error("expected a fingerprint: 64 hex digits (SHA-256 of rule id and secret)")
            }
            entries.append(Entry(fingerprint: fingerprint.lowercased(), rule: try entry.required("rule").string(),
                                 path: try entry.required("path").string(), note: try entry["note"]?.string(),
                                 owner: try entry["owner"]?.string(), until: try entry["until"].map(day)))
        }
        return Baseline(entries: entries)
    }

    /// `until` as a day, checked where it is written.
    static func day(_ node: YAMLNode) throws -> String {
        let text = try node.string()
        guard text.count == 10, ISO8601Date.parse(text) != nil else { throw node.error("expected a day such as 2027-03-31, found '\(text)'") }
        return text
    }
}
