import Foundation
import KeyWardenInputs
import KeyWardenReport
import KeyWardenScan

/// A progress line redrawn in place on stderr, only when stderr is a terminal: piped or
/// redirected output stays free of it.
final class ProgressLine: Sendable {
    let label: String

    private init(label: String) { self.label = label }

    static func forStandardError(label: String) -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine(label: label) : nil
    }

    @Sendable func update(_ progress: GitScanProgress) {
        let line = String(format: "\r\u{1B}[2Kkeywarden: %@: %d/%d blobs, %.1f MB/s", label,
                          progress.blobsDone, progress.blobsTotal, progress.megabytesPerSecond)
        try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
    }

    /// Clears the line so the report starts on a clean one.
    func finish() {
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[2K".utf8))
    }
}
