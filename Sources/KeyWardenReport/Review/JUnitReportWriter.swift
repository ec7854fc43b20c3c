import KeyWardenReportModel
import KeyWardenSupport
/// JUnit XML for CI test panels: a test suite per half (scan, audit); a test case per rule or
/// check and target (a file, or a key), failing with every finding's message; waived findings
/// are skipped cases; audit checks with no finding pass, so the panel shows what was checked.
public struct JUnitReportWriter: ReportWriter {
    public init() {}

    public func write(_ report: ReportDocument) throws -> String {
        var suites: [Suite] = []
        if let audit = report.audit {
            var cases = cases(for: report.entries.filter { $0.origin == .audit }, suite: "keywarden.audit")
            let failing = Set(cases.map(\.classname))
            for check in audit.checks where !failing.contains("keywarden.audit.\(check.id)") {
                cases.append(Case(classname: "keywarden.audit.\(check.id)", name: "all keys", failure: nil, skipped: nil))
            }
            suites.append(Suite(name: "keywarden.audit", properties: [("policy", audit.policy), ("version", audit.version)],
                                cases: cases.sorted { ($0.classname, $0.name) < ($1.classname, $1.name) }))
        }
        if let scan = report.scan {
            var cases = cases(for: report.entries.filter { $0.origin == .scan }, suite: "keywarden.scan")
            if cases.isEmpty { cases.append(Case(classname: "keywarden.scan", name: "no secrets", failure: nil, skipped: nil)) }
            suites.append(Suite(name: "keywarden.scan", properties: [("rulesHash", scan.rulesHash), ("version", scan.version)],
                                cases: cases.sorted { ($0.classname, $0.name) < ($1.classname, $1.name) }))
        }
        let all = suites.flatMap(\.cases)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"keywarden\" tests=\"\(all.count)\" failures=\"\(all.filter { $0.failure != nil }.count)\" "
            + "errors=\"0\" skipped=\"\(all.filter { $0.skipped != nil }.count)\" time=\"0\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(x(suite.name))\" tests=\"\(suite.cases.count)\" "
                + "failures=\"\(suite.cases.filter { $0.failure != nil }.count)\" errors=\"0\" "
                + "skipped=\"\(suite.cases.filter { $0.skipped != nil }.count)\" time=\"0\">\n"
            out += "    <properties>\n"
            for (name, value) in suite.properties { out += "      <property name=\"\(x(name))\" value=\"\(x(value))\"/>\n" }
            out += "    </properties>\n"
            for testCase in suite.cases {
                out += "    <testcase classname=\"\(x(testCase.classname))\" name=\"\(x(testCase.name))\" time=\"0\""
                if let failure = testCase.failure {
                    out += ">\n      <failure message=\"\(x(failure.message))\" type=\"\(x(failure.type))\">\(x(failure.body))</failure>\n    </testcase>\n"
                } else if let skipped = testCase.skipped {
                    out += ">\n      <skipped message=\"\(x(skipped))\"/>\n    </testcase>\n"
                } else {
                    out += "/>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private struct Suite {
        let name: String
        let properties: [(String, String)]
        let cases: [Case]
    }

    private struct Case {
        struct Failure { let message: String; let type: String; let body: String }
        let classname: String
        let name: String
        let failure: Failure?
        let skipped: String?
    }

    /// One case per rule and target; a case fails when any of its findings is active.
    private func cases(for entries: [ReviewEntry], suite: String) -> [Case] {
        let groups = Dictionary(grouping: entries) { "\($0.rule)\u{0}\($0.target)" }
        return groups.values.map { group in
            let first = group[0]
            let active = group.filter { $0.waiver == nil }
            let classname = "\(suite).\(first.rule)"
            guard !active.isEmpty else { return Case(classname: classname, name: first.target, failure: nil, skipped: group[0].waiver) }
            let worst = active.map(\.severity).max() ?? first.severity
            let message = active.count == 1 ? summaryLine(active[0]) : "\(active.count) findings: " + active.map(summaryLine).joined(separator: "; ")
            let body = active.map(body).joined(separator: "\n\n")
            return Case(classname: classname, name: first.target, failure: .init(message: message, type: worst.rawValue, body: body),
                        skipped: nil)
        }
    }

    private func summaryLine(_ entry: ReviewEntry) -> String {
        let place = entry.origin == .scan ? (entry.location ?? entry.target) : nil
        let secret = entry.secret.map { " (\($0))" } ?? ""
        return [entry.severity.rawValue.uppercased(), place, entry.title + secret].compactMap { $0 }.joined(separator: " ")
    }

    private func body(_ entry: ReviewEntry) -> String {
        var lines = ["\(entry.severity.rawValue.uppercased()) \(entry.rule): \(entry.title)"]
        if let location = entry.location { lines.append("at: \(location)") }
        if let secret = entry.secret { lines.append("secret: \(secret)") }
        for detail in entry.details { lines.append("\(detail.name): \(detail.value)") }
        lines.append("fingerprint: \(entry.fingerprint)")
        lines.append("fix: \(entry.remediation)")
        return lines.joined(separator: "\n")
    }

    private func x(_ text: String) -> String { MarkupEscaping.xml(text) }
}
