import Foundation
@testable import KeyWardenCore

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let template = NSTemporaryDirectory() + "keywarden-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let created = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: created)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ content: String) throws -> String {
        try write(relative, Data(content.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }
}

/// A rule set compiled without touching the user's cache.
func compile(_ yaml: String, file: String = "test.yaml") throws -> CompiledRuleSet {
    try CompiledRuleSet(RuleSet(RulePackLoader.parse(yaml, file: file)))
}

func builtinScanner(_ configuration: ScanConfiguration = ScanConfiguration()) throws -> SecretScanner {
    try SecretScanner(compiled: CompiledRuleSet(RuleSet(BuiltinRules.load())), configuration: configuration, workers: 2)
}

/// One rule in pack form, with the required examples filled in.
func pack(id: String = "test-rule", pattern: String, extra: String = "", example: String = "x", negative: String = "y") -> String {
    """
    rules:
      - id: \(id)
        description: test rule
        severity: high
        pattern: '\(pattern)'
    \(extra.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        examples: ['\(example)']
        negativeExamples: ['\(negative)']
    """
}

#if canImport(Glibc)
import Glibc
#endif
