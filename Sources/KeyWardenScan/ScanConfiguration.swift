import Foundation
import KeyWardenInputs
import KeyWardenMatching
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
/// verify: true                      # as `scan --verify`: ask exchanges about found keys
/// ```
public struct ScanConfiguration: Sendable {
    public static let fileName = ".keywarden.yaml"

    public var skipPaths: [PathGlob] = []
    public var allowRegexes: [String] = []
    public var stopwords: [String] = []
    public var disabledRules: [String] = []
    public var disabledRulesLocation: SourceLocation?
    public var ruleDirectories: [String] = []
    /// `verify: true`: run `scan --verify` without the flag (never on by default).
    public var verify = false
    /// Where the configuration came from, for messages; nil for the empty default.
    public var source: String?

    public init() {}

    static let topKeys = ["skipPaths", "allow", "disableRules", "ruleDirectories", "verify"]

    /// Loads and validates a config file; every error names file:line:column.
    public static func load(path: String) throws -> ScanConfiguration {
        let root = try YAMLDocument.load(path: path)
        var configuration = ScanConfiguration()
        configuration.source = path
        let fields = try root.fields(optional: topKeys)
        configuration.verify = try fields["verify"]?.bool() ?? false
        configuration.skipPaths = try fields["skipPaths"]?.stringList().map(PathGlob.init) ?? []
        if let allow = fields["allow"] {
            let allowFields = try allow.fields(optional: ["regexes", "stopwords"])
            if let regexes = allowFields["regexes"] {
                for node in try regexes.list() {
                    let pattern = try node.string()
                    do { _ = try PCRE2Regex(pattern) } catch { throw node.error("invalid allow regex: \(error)") }
                    configuration.allowRegexes.append(pattern)
                }
            }
            configuration.stopwords = try allowFields["stopwords"]?.stringList().map { $0.lowercased() } ?? []
        }
        if let disabled = fields["disableRules"] {
            configuration.disabledRules = try disabled.stringList()
            configuration.disabledRulesLocation = disabled.location
        }
        let base = (path as NSString).deletingLastPathComponent
        configuration.ruleDirectories = try fields["ruleDirectories"]?.stringList().map {
            $0.hasPrefix("/") ? $0 : (base.isEmpty ? $0 : (base as NSString).appendingPathComponent($0))
        } ?? []
        return configuration
    }

    /// The explicit file if given, else `.keywarden.yaml` in the first scan root that has one.
    public static func discover(explicit: String?, roots: [String]) throws -> ScanConfiguration {
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

    public func skips(_ relativePath: String) -> Bool {
        skipPaths.contains { $0.matches(relativePath) }
    }
}
