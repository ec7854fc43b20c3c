import Foundation
import KeyWardenInputs
import KeyWardenReport
import KeyWardenScan

/// A progress line redrawn in place on stderr, only when stderr is a terminal and not in CI
/// (`CI` set, as every CI service does): piped, redirected or logged output stays free of it.
final class ProgressLine: Sendable {
    let label: String
    /// What is counted: "files", "blobs".
    let unit: String

    private init(label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    static func forStandardError(label: String, unit: String = "blobs") -> ProgressLine? {
        let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
        return isatty(STDERR_FILENO) == 1 && !inCI ? ProgressLine(label: label, unit: unit) : nil
    }

    @Sendable func update(_ progress: GitScanProgress) {
        let line = String(format: "\r\u{1B}[2Kkeywarden: %@: %d/%d %@, %.1f MB, %.1f MB/s, %.0f s", label,
                          progress.blobsDone, progress.blobsTotal, unit, Double(progress.bytesDone) / 1_048_576,
                          progress.megabytesPerSecond, progress.elapsedSeconds)
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }

    /// Clears the line so the report starts on a clean one.
    func finish() {
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[2K".utf8))
    }
}
