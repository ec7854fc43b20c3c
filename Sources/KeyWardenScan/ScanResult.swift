import KeyWardenInputs
/// What a scan found and what it covered.
public struct ScanResult: Sendable {
    public var findings: [Finding]
    public var skipped: [SkippedInput]
    public var filesScanned: Int
    public var bytesScanned: Int

    public init(findings: [Finding] = [], skipped: [SkippedInput] = [], filesScanned: Int = 0, bytesScanned: Int = 0) {
        self.findings = findings
        self.skipped = skipped
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
    }
}
