import Foundation
import KeyWardenReport
import KeyWardenScan
import KeyWardenSupport

/// Writing to the terminal: results to stdout, everything else to stderr.
enum Terminal {
    /// Diagnostics only: a stderr that cannot be written to (closed, full) loses them, never the run.
    static func standardError(_ line: String) {
        // Newlines are ours (multi-line diagnostics); every other control character is escaped.
        try? FileHandle.standardError.write(contentsOf: Data((TerminalText.escaped(line, keepingNewlines: true) + "\n").utf8))
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
            // The result itself: a stdout that cannot take it (a full disk, a closed pipe) is
            // incomplete work (exit 3), reported, never a crash.
            do {
                try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
            } catch {
                let reason = posixCode(of: error).map { String(cString: strerror($0)) } ?? error.localizedDescription
                throw CommandFailure.incomplete("cannot write the report to standard output: \(reason)")
            }
            return
        }
        do {
            try OutputFile.write(Data(text.utf8), to: output)
        } catch {
            // No room is incomplete work (exit 3); a path that cannot be written is a usage error.
            let code = posixCode(of: error)
            let message = "cannot write \(output): \(code.map { String(cString: strerror($0)) } ?? error.localizedDescription)"
            throw code.map(isOutOfSpace) == true ? CommandFailure.incomplete(message) : CommandFailure.usage(message)
        }
    }

    /// The errno behind a Foundation write error (Foundation wraps it as an underlying error).
    private static func posixCode(of error: Error) -> Int32? {
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return nil
    }

    private static func isOutOfSpace(_ code: Int32) -> Bool { [ENOSPC, EFBIG, EDQUOT, EIO].contains(code) }
}
