import Foundation
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

@Suite struct CompiledRuleSetCacheTests {
    let yaml = pack(pattern: #"kw_[a-z0-9]{8}"#)

    @Test func aCompiledDatabaseIsStoredAndReusedWithIdenticalResults() throws {
        let directory = try TemporaryDirectory()
        let cache = CompiledRuleSetCache(directory: directory.path)
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        let first = try CompiledRuleSet(ruleSet, cache: cache)
        let file = cache.path(for: ruleSet)
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(cache.load(for: ruleSet) != nil)
        let second = try CompiledRuleSet(ruleSet, cache: cache)
        let text = Array("x kw_abcd1234 y".utf8)
        #expect(try Matcher(first).matches(in: text) == Matcher(second).matches(in: text))
    }

    @Test func aCorruptCacheFileIsRecompiledNotTrusted() throws {
        let directory = try TemporaryDirectory()
        let cache = CompiledRuleSetCache(directory: directory.path)
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        _ = try CompiledRuleSet(ruleSet, cache: cache)
        let file = cache.path(for: ruleSet)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        for index in stride(from: bytes.count / 2, to: bytes.count, by: 7) { bytes[index] ^= 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(cache.load(for: ruleSet) == nil)
        let recompiled = try CompiledRuleSet(ruleSet, cache: cache)
        #expect(try Matcher(recompiled).matches(in: Array("kw_abcd1234".utf8)).count == 1)
        #expect(cache.load(for: ruleSet) != nil, "the recompiled database replaces the corrupt file")
    }

    @Test func theKeyChangesWithRuleContent() throws {
        let cache = CompiledRuleSetCache(directory: "/nonexistent")
        let a = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        let b = RuleSet(try RulePackLoader.parse(pack(pattern: #"kw_[a-z0-9]{9}"#), file: "t.yaml"))
        #expect(cache.key(for: a) != cache.key(for: b))
        #expect(cache.key(for: a) == cache.key(for: a))
    }

    @Test func anUnwritableCacheDirectoryIsNotAnError() throws {
        let cache = CompiledRuleSetCache(directory: "/proc/keywarden-cannot-exist")
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        #expect(try Matcher(CompiledRuleSet(ruleSet, cache: cache)).matches(in: Array("kw_abcd1234".utf8)).count == 1)
    }
}

@Suite struct LazyRegexTests {
    @Test func aCachedRuleSetExtractsNamedSecretGroupsLikeAFreshOne() throws {
        let directory = try TemporaryDirectory()
        let cache = CompiledRuleSetCache(directory: directory.path)
        let yaml = pack(pattern: #"tok=(?<secret>[a-z0-9]{8})\b"#, extra: "secretGroup: secret")
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        let fresh = try CompiledRuleSet(ruleSet, cache: cache)
        let cached = try CompiledRuleSet(ruleSet, cache: cache)
        let text = Array("a tok=abcd1234 b".utf8)
        let expected = try Matcher(fresh).matches(in: text)
        #expect(expected.map(\.secret) == [6..<14])
        #expect(try Matcher(cached).matches(in: text) == expected)
    }
}
