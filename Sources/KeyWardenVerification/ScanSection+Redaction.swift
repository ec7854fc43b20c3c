import KeyWardenReportModel
import KeyWardenScan
import KeyWardenSupport

extension ScanSection {
    /// The section with each secret shown as `redactor` shows it: a report saved with
    /// `--show-secrets` and written again by `verify --input` is redacted unless asked again.
    /// A secret already redacted (its fingerprint does not match it) stays as it is.
    public func redacted(_ redactor: Redactor) -> ScanSection {
        var section = self
        for index in section.findings.indices {
            let record = section.findings[index]
            if Fingerprint.of(rule: record.rule, secret: record.secret) == record.fingerprint {
                section.findings[index].secret = redactor.redact(record.secret)
            }
        }
        return section
    }
}
