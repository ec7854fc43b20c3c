import Foundation
import KeyWardenReport
import KeyWardenScan
import KeyWardenSupport

/// Writing to the terminal: results to stdout, everything else to stderr.
enum Terminal {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func error(_ message: String) { standardError("keywarden: error: \(message)") }
    static func warning(_ message: String) { standardError("keywarden: warning: \(message)") }
    static func note(_ message: String) { standardError("keywarden: note: \(message)") }

    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func wantsColour(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Writes to `--output FILE`, or stdout when no file is given.
    static func deliver(_ text: String, to output: String?) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try OutputFile.write(Data(text.utf8), to: output)
        } catch {
            throw CommandFailure.usage("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
