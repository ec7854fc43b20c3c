@testable import keywarden
import Testing

/// Which command lines start a pre-commit scan's git work before parsing. A wrong "yes" would
/// scan another repository or the wrong blob size limit, so anything unknown is a "no".
@Suite struct ScanHeadStartTests {
    @Test(arguments: [
        ["--staged"], ["--staged", "--quiet"], ["-q", "--staged", "--format", "json", "--output", "r.json"],
        ["--staged", "--fail-on=none", "--confidence", "high", "--show-secrets", "-v"],
    ])
    func plainStagedScansStartEarly(options: [String]) {
        #expect(PlainStagedScan.options(options) != nil)
    }

    @Test(arguments: [
        [], ["--quiet"], ["--staged", "sub/dir"], ["--staged", "--max-file-size", "1K"], ["--staged", "--config", "c.yaml"],
        ["--staged", "--rules", "r"], ["--git"], ["--staged", "--format"], ["--staged", "-"], ["--staged", "--", "x"],
    ])
    func anythingElseDoesNot(options: [String]) {
        #expect(PlainStagedScan.options(options) == nil)
    }
}

/// The pre-commit command line made by hand (PlainStagedScan) is the parser's command, field by
/// field: `dump` shows each option's storage, so an option the hand-made command leaves unset
/// (an option added to `scan` later) reads differently and fails here.
@Suite struct PlainStagedScanTests {
    @Test(arguments: [
        ["--staged"], ["--staged", "--quiet"], ["-q", "--staged", "--format", "json", "--output", "r.json"],
        ["--staged", "--fail-on=none", "--confidence", "high", "--show-secrets", "-v"], ["--format=sarif", "--staged", "--fail-on", "critical"],
    ])
    func theHandMadeCommandIsTheParsersCommand(options: [String]) throws {
        let made = try #require(PlainStagedScan.command(options))
        let parsed = try ScanCommand.parse(options)
        var madeDump = "", parsedDump = ""
        dump(made, to: &madeDump)
        dump(parsed, to: &parsedDump)
        #expect(madeDump.contains("_staged: true"))
        // An option group's help title is declaration metadata the parser does not carry over to
        // the group it decodes; it changes nothing a scan does.
        func lines(_ dump: String) -> [Substring] { dump.split(separator: "\n").filter { !$0.contains("- title: ") } }
        let (madeLines, parsedLines) = (lines(madeDump), lines(parsedDump))
        let differing = zip(madeLines, parsedLines).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(madeLines.count == parsedLines.count && differing.isEmpty,
                "first difference: \(differing.first.map { "line \($0.offset): \($0.element.0) | \($0.element.1)" } ?? "length")")
    }

    /// Values the conversions refuse, and anything else, are left to the parser and its messages.
    @Test(arguments: [["--staged", "--format", "yaml"], ["--staged", "--fail-on", "worst"], ["--staged", "--confidence", "sure"],
                      ["--staged", "--rules", "r"], ["--git"]])
    func whatItDoesNotKnowIsLeftToTheParser(options: [String]) {
        #expect(PlainStagedScan.command(options) == nil)
    }
}
