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
        #expect(ScanHeadStart.isPlainStagedScan(options))
    }

    @Test(arguments: [
        [], ["--quiet"], ["--staged", "sub/dir"], ["--staged", "--max-file-size", "1K"], ["--staged", "--config", "c.yaml"],
        ["--staged", "--rules", "r"], ["--git"], ["--staged", "--format"], ["--staged", "-"], ["--staged", "--", "x"],
    ])
    func anythingElseDoesNot(options: [String]) {
        #expect(!ScanHeadStart.isPlainStagedScan(options))
    }
}
