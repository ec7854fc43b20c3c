import Foundation

/// Runs the built `keywarden` binary the way a user or CI does, capturing everything.
enum CLIHarness {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The debug binary `swift test` builds (the test target depends on the executable).
    static var binary: String {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("keywarden").path,
                          packageRoot + "/.build/debug/keywarden"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    /// One cache for the whole run: compiling the rules once keeps the suite fast.
    static let cacheHome: String = {
        let path = NSTemporaryDirectory() + "keywarden-cli-tests-cache-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs in `directory` with the test process's environment plus `extra`; with
    /// `inheritEnvironment: false`, with only PATH plus `extra` (no stray credentials).
    static func run(_ arguments: [String], in directory: String = packageRoot, environment extra: [String: String] = [:],
                    inheritEnvironment: Bool = true, executable: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = inheritEnvironment ? ProcessInfo.processInfo.environment
            : ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        environment["XDG_CACHE_HOME"] = cacheHome
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting: a full pipe would block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func python(_ script: String, _ arguments: [String]) throws -> Outcome {
        try run(["python3", script] + arguments, executable: "/usr/bin/env")
    }
}

/// A temporary directory removed when released.
final class ScratchDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "keywarden-cli-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit {
        _ = try? CLIHarness.run(["-R", "u+rwX", path], executable: "/bin/chmod")
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Data(text.utf8)) }
}
