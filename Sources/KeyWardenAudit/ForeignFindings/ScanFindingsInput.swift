import Foundation
import KeyWardenReportModel

/// What `audit --findings FILE` reads: a keywarden scan report, or another scanner's report
/// (`ForeignReport`), told apart by content.
public enum ScanFindingsInput {
    /// `knownKeyIds`: the key ids of the inventories, the only values of a foreign report shown in full.
    public static func load(path: String, knownKeyIds: Set<String>) throws(SavedReport.LoadError) -> ScanSection? {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SavedReport.LoadError(path: path, reason: "cannot read file", role: "scan findings")
        }
        do {
            return try SavedReport.parse(data, path: path).scan
        } catch {
            guard let foreign = ForeignReport.recognise(data) else {
                var error = error
                error.role = "scan findings"
                throw SavedReport.LoadError(path: path, reason: error.reason + " (nor a gitleaks, betterleaks, TruffleHog, Kingfisher, "
                                            + "detect-secrets or SARIF report)", role: "scan findings")
            }
            return foreign.scanSection(knownKeyIds: knownKeyIds)
        }
    }
}
