import Foundation

/// The scan pipeline after the engine: turns rule matches in a buffer into located findings,
/// dropping those the content or the configuration allows.
public final class SecretScanner: Sendable {
    public let compiled: CompiledRuleSet
    private let allowlist: SecretAllowlist
    public let workers: Int

    public init(compiled: CompiledRuleSet, configuration: ScanConfiguration = ScanConfiguration(),
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        self.compiled = compiled
        self.allowlist = try SecretAllowlist(configuration)
        self.workers = workers
    }

    /// One worker thread's state.
    public final class Worker {
        let matcher: Matcher
        let allow: SecretAllowlist.Checker

        init(_ scanner: SecretScanner) throws {
            matcher = try Matcher(scanner.compiled)
            allow = scanner.allowlist.checker()
        }
    }

    public func makeWorker() throws -> Worker { try Worker(self) }

    /// Findings in one buffer, attributed to `path`, in report order.
    public func findings(in buffer: UnsafeRawBufferPointer, path: String, worker: Worker) throws -> [Finding] {
        let matches = preferSpecificRules(try worker.matcher.matches(in: buffer))
        guard !matches.isEmpty else { return [] }
        let lines = LineIndex(buffer)
        var findings: [Finding] = []
        var seen = Set<String>()
        for match in matches {
            let rule = compiled.rules[match.ruleIndex]
            let secret = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[match.secret]), as: UTF8.self)
            let start = lines.position(of: match.secret.lowerBound, in: buffer)
            let end = lines.position(of: max(match.secret.lowerBound, match.secret.upperBound - 1), in: buffer)
            if InlineAllowMarkers.allows(secretStart: start.line - 1, secretEnd: end.line - 1, lines: lines, buffer: buffer) { continue }
            if worker.allow.allows(secret) { continue }
            let finding = Finding(rule: rule.id, description: rule.description, severity: rule.severity, path: path,
                                  line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                                  secret: secret, entropy: (match.entropy * 1000).rounded() / 1000)
            // The same secret reached by two overlapping windows is one finding.
            guard seen.insert("\(finding.fingerprint):\(finding.line):\(finding.column)").inserted else { continue }
            findings.append(finding)
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// Rules whose id starts with this are catch-alls: they give way to any other rule that
    /// finds an overlapping secret, so each value is reported once, by its most precise rule.
    public static let genericRulePrefix = "generic-"

    private func preferSpecificRules(_ matches: [SecretMatch]) -> [SecretMatch] {
        let isGeneric = { (match: SecretMatch) in self.compiled.rules[match.ruleIndex].id.hasPrefix(Self.genericRulePrefix) }
        let specific = matches.filter { !isGeneric($0) }.map(\.secret)
        guard !specific.isEmpty else { return matches }
        return matches.filter { match in !isGeneric(match) || !specific.contains { $0.overlaps(match.secret) } }
    }

    public func findings(in bytes: [UInt8], path: String, worker: Worker) throws -> [Finding] {
        try bytes.withUnsafeBytes { try findings(in: $0, path: path, worker: worker) }
    }

    /// Reads and scans files in parallel; unreadable and binary files become skipped entries.
    public func scan(files: [DirectorySource.Entry], maxFileSize: Int) throws -> ScanResult {
        enum FileOutcome: Sendable {
            case scanned([Finding], bytes: Int)
            case skipped(SkippedInput)
            case failed(String)
        }
        let outcomes = try ParallelWork.map(count: files.count, workers: workers, makeState: { try self.makeWorker() }) { worker, index in
            let file = files[index]
            switch FileContent.read(path: file.path, maxSize: maxFileSize) {
            case let .skipped(reason):
                return FileOutcome.skipped(SkippedInput(path: file.path, reason: reason))
            case let .text(bytes):
                do {
                    return .scanned(try self.findings(in: bytes, path: file.path, worker: worker), bytes: bytes.count)
                } catch {
                    return .failed("\(error)")
                }
            }
        }
        var result = ScanResult()
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case let .scanned(findings, bytes):
                result.findings += findings
                result.filesScanned += 1
                result.bytesScanned += bytes
            case let .skipped(skipped):
                result.skipped.append(skipped)
            case let .failed(message):
                result.skipped.append(SkippedInput(path: files[index].path, reason: .unreadable(message)))
            }
        }
        result.findings.sort(by: Finding.reportOrder)
        result.skipped.sort()
        return result
    }
}
