import KeyWardenInputs
import KeyWardenSupport
/// What a scan found and what it covered.
public struct ScanResult: Sendable {
    public var findings: [Finding]
    public var skipped: [SkippedInput]
    public var filesScanned: Int
    public var bytesScanned: Int
    /// The lowest confidence reported, and how many findings below it were left out.
    public var confidenceThreshold: Confidence?
    public var belowConfidence = 0

    public init(findings: [Finding] = [], skipped: [SkippedInput] = [], filesScanned: Int = 0, bytesScanned: Int = 0) {
        self.findings = findings
        self.skipped = skipped
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
    }

    /// Leaves out findings less sure than `minimum`, counting them for the summary.
    public mutating func keep(confidence minimum: Confidence) {
        let kept = findings.filter { $0.confidence >= minimum }
        belowConfidence += findings.count - kept.count
        confidenceThreshold = minimum
        findings = kept
    }
}
