import KeyWardenReportModel
import KeyWardenSupport

extension ScanSection {
    /// The section with each finding's verification (`verifications[i]` belongs to `findings[i]`,
    /// as `FindingVerifier` returns them). A live key that can withdraw or transfer, or that any
    /// address may use, is raised to critical; the summary counts follow.
    public func verified(_ verifications: [Verification?]) -> ScanSection {
        precondition(verifications.count == findings.count, "one verification slot per finding")
        var section = self
        for (index, verification) in verifications.enumerated() {
            guard let verification else { continue }
            section.findings[index].verification = verification
            if verification.isDangerous { section.findings[index].severity = .critical }
        }
        section.summary.bySeverity = ScanSection.bySeverity(section.findings.map(\.severity))
        return section
    }
}
