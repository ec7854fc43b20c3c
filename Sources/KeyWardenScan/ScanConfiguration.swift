import Foundation
import KeyWardenInputs
import KeyWardenMatching
import KeyWardenRules
import KeyWardenSupport

/// A project's `.keywarden.yaml`: what not to scan, what not to report, which rules to add or turn off.
///
/// ```yaml
/// skipPaths: ["Samples/**", "Tests/Fixtures/"]
/// allow:
///   regexes: ['^EXAMPLE']       # a secret matching one is not reported
///   stopwords: [dummy, sample]  # a secret containing one (any case) is not reported
/// disableRules: [generic-secret-assignment]
/// ruleDirectories: [security/rules]  # relative to the config file
/// respectGitignore: true      # directory scans skip what git ignores (default false)
/// verify: true                      # as `scan --verify`: ask exchanges about found keys
/// confidence: high                  # as `scan --confidence high` (the pre-commit hook reads it too)
/// extends: .gitleaks.toml           # or a list: gitleaks/betterleaks configs, relative to this file
/// ```
public struct ScanConfiguration: Sendable {
    public static let fileName = ".keywarden.yaml"

    public var skipPaths: [PathGlob] = []
    public var allowRegexes: [String] = []
    public var stopwords: [String] = []
    /// What an allow entry written as a mapping says (`{regex: '^EXAMPLE', owner: …, until: …}`),
    /// by its regex or stopword: past `until` the entry stops allowing.
    public var allowMetadata: [String: SuppressionMetadata] = [:]
    public var disabledRules: [String] = []
    public var disabledRulesLocation: SourceLocation?
    public var ruleDirectories: [String] = []
    /// Directory scans skip what git ignores. Off by default: an ignored `.env` is exactly the
    /// file that leaks when someone zips or copies the tree.
    public var respectGitignore = false
    /// Inline markers without reason, owner and until do not suppress (`--require-suppression-metadata`).
    public var requireSuppressionMetadata = false
    /// The clock suppressions expire against (`--now` pins it); nil is the current time.
    public var now: Date?
    /// `verify: true`: run `scan --verify` without the flag (never on by default).
    public var verify = false
    /// `confidence: LEVEL`: the lowest confidence reported when `--confidence` is not given.
    public var confidence: Confidence?
    /// Where the configuration came from, for messages; nil for the empty default.
    public var source: String?
    /// `extends:` gitleaks or betterleaks configs, mapped (their rules, allowlists); nil without one.
    public var gitleaks: GitleaksConfig?
    /// The `.gitleaksignore` at the scan root (the index's copy for `--staged`), when there is one.
    public var gitleaksIgnore: GitleaksIgnore?

    public init() {}

    static let topKeys = ["skipPaths", "allow", "disableRules", "ruleDirectories", "respectGitignore", "requireSuppressionMetadata",
                          "verify", "confidence", "extends"]

    /// Loads and validates a config file; every error names file:line:column.
    public static func load(path: String) throws -> ScanConfiguration {
        try load(try YAMLDocument.load(path: path), source: path, base: (path as NSString).deletingLastPathComponent,
                 read: GitleaksConfigLoader.readFile)
    }

    /// The `.keywarden.yaml` the index holds at the repository root, for `--staged`: the work
    /// tree's copy is not what the commit records, and an unstaged edit there (`skipPaths: ["**"]`)
    /// must not hide what is staged. Rule directories stay relative to the work tree (or the
    /// repository): they only add rules, so they cannot hide a finding.
    ///
    /// `indexFiles` are the index's copies of `stagedFileNames` when the caller read them already
    /// (a pre-commit scan reads them with the git that reads its blobs); nil reads them here.
    public static func staged(in repository: GitRepository, indexFiles: [String: [UInt8]]? = nil) throws -> ScanConfiguration {
        let staged = try indexFiles ?? repository.indexFiles(stagedFileNames)
        let gitleaksIgnore = try staged[GitleaksIgnore.fileName].map { try stagedGitleaksIgnore($0) }
        guard let bytes = staged[fileName] else {
            var configuration = ScanConfiguration()
            configuration.gitleaksIgnore = gitleaksIgnore
            return configuration
        }
        let source = ":" + fileName  // git's name for the index's copy
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(at: SourceLocation(file: source, line: 1, column: 1), "file is not valid UTF-8")
        }
        let base = repository.workTree ?? repository.path
        // Extended gitleaks configs come from the index too (their allowlists can hide what is
        // staged); one the index does not have is read from the work tree.
        let read: GitleaksConfigLoader.Reader = { path in
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
            if !relative.hasPrefix("/"), let bytes = try repository.indexFile(relative) {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "file is not valid UTF-8")
                }
                return text
            }
            return try GitleaksConfigLoader.readFile(path)
        }
        var configuration = try load(try YAMLDocument.parse(text, file: source), source: source, base: base, read: read)
        configuration.gitleaksIgnore = gitleaksIgnore
        return configuration
    }

    /// The files a staged scan's configuration is read from, as the index has them.
    public static let stagedFileNames = [fileName, GitleaksIgnore.fileName]

    /// The index's `.gitleaksignore`, for `--staged`.
    private static func stagedGitleaksIgnore(_ bytes: [UInt8]) throws -> GitleaksIgnore {
        let source = ":" + GitleaksIgnore.fileName
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(at: SourceLocation(file: source, line: 1, column: 1), "file is not valid UTF-8")
        }
        return try GitleaksIgnore.parse(text, file: source)
    }

    /// Reads a parsed config; `base` is the directory relative rule directories start from.
    static func load(_ root: YAMLNode, source: String, base: String,
                     read: GitleaksConfigLoader.Reader = GitleaksConfigLoader.readFile) throws -> ScanConfiguration {
        var configuration = ScanConfiguration()
        configuration.source = source
        let fields = try root.fields(optional: topKeys)
        configuration.verify = try fields["verify"]?.bool() ?? false
        configuration.confidence = try fields["confidence"].map { Confidence(rawValue: try $0.oneOf(Confidence.allCases.map(\.rawValue)))! }
        configuration.skipPaths = try fields["skipPaths"]?.stringList().map(PathGlob.init) ?? []
        configuration.respectGitignore = try fields["respectGitignore"]?.bool() ?? false
        configuration.requireSuppressionMetadata = try fields["requireSuppressionMetadata"]?.bool() ?? false
        if let allow = fields["allow"] {
            let allowFields = try allow.fields(optional: ["regexes", "stopwords"])
            if let regexes = allowFields["regexes"] {
                for node in try regexes.list() {
                    let (pattern, metadata) = try allowEntry(node, key: "regex")
                    do { _ = try PCRE2Regex(pattern) } catch { throw node.error("invalid allow regex: \(error)") }
                    configuration.allowRegexes.append(pattern)
                    if let metadata { configuration.allowMetadata[pattern] = metadata }
                }
            }
            for node in try allowFields["stopwords"]?.list() ?? [] {
                let (word, metadata) = try allowEntry(node, key: "stopword")
                configuration.stopwords.append(word.lowercased())
                if let metadata { configuration.allowMetadata[word.lowercased()] = metadata }
            }
        }
        if let disabled = fields["disableRules"] {
            configuration.disabledRules = try disabled.stringList()
            configuration.disabledRulesLocation = disabled.location
        }
        configuration.ruleDirectories = try fields["ruleDirectories"]?.stringList().map {
            $0.hasPrefix("/") ? $0 : (base.isEmpty ? $0 : (base as NSString).appendingPathComponent($0))
        } ?? []
        if let extends = fields["extends"] {
            configuration.gitleaks = try gitleaks(extends, base: base, read: read)
        }
        return configuration
    }

    /// `extends:` one gitleaks config or a list of them, each read as if it extended the one
    /// before (rules of one id merge; a rule's allowlists add up).
    static func gitleaks(_ node: YAMLNode, base: String, read: GitleaksConfigLoader.Reader) throws -> GitleaksConfig {
        let entries: [YAMLNode] = if case .sequence = node.node { try node.list() } else { [node] }
        guard !entries.isEmpty else { throw node.error("extends needs at least one gitleaks config path") }
        var combined = GitleaksConfig()
        for entry in entries {
            let relative = try entry.string()
            let path = relative.hasPrefix("/") || base.isEmpty ? relative : (base as NSString).appendingPathComponent(relative)
            guard try read(path) != nil else { throw entry.error("extends: no gitleaks config at '\(relative)' (\(path))") }
            let config = try GitleaksConfigLoader.load(path: path, read: read)
            for rule in config.rules {
                if let same = combined.rules.firstIndex(where: { $0.rule.id == rule.rule.id }) {
                    // The later config's rule wins, with the earlier one's allowlists kept.
                    let earlier = combined.rules[same]
                    combined.rules[same] = GitleaksRule(gitleaksID: rule.gitleaksID, rule: rule.rule, path: rule.path,
                                                        allowlists: earlier.allowlists + rule.allowlists)
                } else {
                    combined.rules.append(rule)
                }
            }
            combined.allowlists += config.allowlists
            combined.useDefault = combined.useDefault || config.useDefault
            combined.files += config.files
            combined.warnings += config.warnings
        }
        return combined
    }

    /// The explicit file if given, else `.keywarden.yaml` in the first scan root that has one;
    /// with the `.gitleaksignore` of the first scan root that is a directory.
    public static func discover(explicit: String?, roots: [String]) throws -> ScanConfiguration {
        var configuration = try discoverFile(explicit: explicit, roots: roots)
        if let root = roots.first(where: { root in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && isDirectory.boolValue
        }) {
            configuration.gitleaksIgnore = try GitleaksIgnore.load(in: root)
        }
        return configuration
    }

    static func discoverFile(explicit: String?, roots: [String]) throws -> ScanConfiguration {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw DiagnosticError(at: SourceLocation(file: explicit, line: 1, column: 1), "config file not found")
            }
            return try load(path: explicit)
        }
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let candidate = (root as NSString).appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate) { return try load(path: candidate) }
        }
        return ScanConfiguration()
    }

    /// An allow entry: a plain string, or a mapping with the value under `key` and a suppression's
    /// `reason`, `owner` and `until`.
    static func allowEntry(_ node: YAMLNode, key: String) throws -> (String, SuppressionMetadata?) {
        guard let fields = try? node.fields(required: [key], optional: ["reason", "owner", "until"]) else {
            return (try node.string(), nil)
        }
        let until = try fields["until"].map(Baseline.day)
        return (try fields.required(key).string(),
                SuppressionMetadata(reason: try fields["reason"]?.string(), owner: try fields["owner"]?.string(), until: until))
    }

    public func skips(_ relativePath: String) -> Bool {
        skipPaths.contains { $0.matches(relativePath) }
    }
}
