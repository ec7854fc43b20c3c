import ArgumentParser
import Foundation
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenReport
import KeyWardenScan

/// `--baseline FILE` hides known findings; `--baseline-out FILE` records the current ones.
struct BaselineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Hide findings whose fingerprint is in this baseline file (rule + secret, so moved lines stay hidden).",
                               valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("""
        Write the findings of this run to this baseline file (sorted YAML, one entry per secret, \
        notes kept from --baseline). The run still reports and exits as usual.
        """, valueName: "file"))
    var baselineOut: String?

    /// Writes `--baseline-out` and returns the findings `--baseline` does not hide.
    func apply(to findings: [Finding], quiet: Bool, now: Date? = nil) throws -> [Finding] {
        let known = try baseline.map { try Baseline.load(path: $0) }
        if let baselineOut { try Baseline(findings: findings, keepingNotesFrom: known).write(to: baselineOut) }
        guard let known else { return findings }
        let split = known.filter(findings, now: now ?? Date())
        if !quiet && !split.hidden.isEmpty {
            Terminal.note("\(split.hidden.count) finding\(split.hidden.count == 1 ? "" : "s") hidden by baseline \(baseline!)")
        }
        if split.legacy > 0 {
            // Old entries keep working; rewriting replaces their plain hashes with keyed ones.
            Terminal.note("baseline \(baseline!) holds \(split.legacy) unkeyed fingerprint\(split.legacy == 1 ? "" : "s") from an older keywarden; rewrite it with --baseline \(baseline!) --baseline-out \(baseline!)")
        }
        return split.reported
    }
}
