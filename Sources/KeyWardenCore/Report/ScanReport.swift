/// Everything a scan report shows: the result, the rules that ran, and run metadata.
public struct ScanReport: Sendable {
    public var result: ScanResult
    public var rules: [Rule]
    public var rulesHash: String
    public var toolVersion: String
    public var durationSeconds: Double
    /// Set for scans of a git repository (history or staged changes).
    public var versionControl: VersionControlDetails?

    public init(result: ScanResult, rules: [Rule], rulesHash: String, toolVersion: String = KeyWarden.version,
                durationSeconds: Double) {
        self.result = result
        self.rules = rules
        self.rulesHash = rulesHash
        self.toolVersion = toolVersion
        self.durationSeconds = durationSeconds
    }

    public var countsBySeverity: [Severity: Int] {
        Dictionary(grouping: result.findings, by: \.severity).mapValues(\.count)
    }
}

/// Product facts shown in reports.
public enum KeyWarden {
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/keywarden/keywarden"
}
