import Foundation
import KeyWardenInputs
import KeyWardenMatching
import KeyWardenRules
import KeyWardenSupport

/// The scan pipeline after the engine: turns rule matches in a buffer into located findings,
/// dropping those the content or the configuration allows.
public final class SecretScanner: Sendable {
    public let compiled: CompiledRuleSet
    private let allowlist: SecretAllowlist
    private let preference: MatchPreference
    private let grouper: CredentialSetGrouper
    public let workers: Int

    public init(compiled: CompiledRuleSet, configuration: ScanConfiguration = ScanConfiguration(),
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        self.compiled = compiled
        self.allowlist = try SecretAllowlist(configuration)
        self.preference = MatchPreference(rules: compiled.rules)
        self.grouper = CredentialSetGrouper(rules: compiled.rules)
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

    /// Findings in one buffer, attributed to `path`, in report order: plain matches, matches in
    /// decoded base64/percent-encoded text, and credential sets grouped into one finding each.
    public func findings(in buffer: UnsafeRawBufferPointer, path: String, worker: Worker) throws -> [Finding] {
        let matches = preference.preferred(try worker.matcher.matches(in: buffer))
        let decoded = try EncodedSecretScanner(matcher: worker.matcher, preference: preference).matches(in: buffer)
        guard !matches.isEmpty || !decoded.isEmpty else { return [] }
        let lines = LineIndex(buffer)
        let markers = InlineAllowMarkers(buffer: buffer, lines: lines)
        var findings: [Finding] = []
        var seen = Set<String>()
        func add(rule index: Int, secret: String, at range: Range<Int>, entropy: Double, decodedFrom: String?) {
            let rule = compiled.rules[index]
            let start = lines.position(of: range.lowerBound, in: buffer)
            let end = lines.position(of: max(range.lowerBound, range.upperBound - 1), in: buffer)
            if markers.allows(secretStart: start.line - 1, secretEnd: end.line - 1) { return }
            if worker.allow.allows(secret) { return }
            let finding = Finding(rule: rule.id, description: rule.description, severity: rule.severity, path: path,
                                  line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                                  secret: secret, entropy: (entropy * 1000).rounded() / 1000, decodedFrom: decodedFrom)
            // The same secret reached by two overlapping windows (or decoded twice) is one finding.
            guard seen.insert("\(finding.fingerprint):\(finding.line):\(finding.column)").inserted else { return }
            findings.append(finding)
        }
        let decodedRanges = decoded.map(\.encodedRange)
        for match in matches {
            // A catch-all match on encoded text gives way to what its decoded form revealed.
            if compiled.rules[match.ruleIndex].catchAll,
               decodedRanges.contains(where: { $0.overlaps(match.secret) }) { continue }
            let secret = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[match.secret]), as: UTF8.self)
            add(rule: match.ruleIndex, secret: secret, at: match.secret, entropy: match.entropy, decodedFrom: nil)
        }
        let plain = Set(findings.map { "\($0.rule)\u{0}\($0.secret)" })
        for match in decoded {
            let secret = String(decoding: match.secret, as: UTF8.self)
            // Percent runs mostly decode to themselves: a value found as written is not found again.
            if plain.contains("\(compiled.rules[match.ruleIndex].id)\u{0}\(secret)") { continue }
            add(rule: match.ruleIndex, secret: secret, at: match.encodedRange, entropy: match.entropy, decodedFrom: match.encoding)
        }
        return grouper.group(findings)
    }

    public func findings(in bytes: [UInt8], path: String, worker: Worker) throws -> [Finding] {
        try bytes.withUnsafeBytes { try findings(in: $0, path: path, worker: worker) }
    }

    /// Scans standard input (`keywarden scan -`), reported as the path `-`: what pre-receive hooks
    /// and editors pipe in.
    public func scanStandardInput(maxSize: Int) throws -> ScanResult {
        switch FileContent.read(descriptor: 0, maxSize: maxSize) {
        case let .skipped(reason):
            return ScanResult(skipped: [SkippedInput(path: "-", reason: reason)])
        case let .text(bytes):
            let findings = try findings(in: bytes, path: "-", worker: makeWorker())
            return ScanResult(findings: findings.sorted(by: Finding.reportOrder), filesScanned: 1, bytesScanned: bytes.count)
        }
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
