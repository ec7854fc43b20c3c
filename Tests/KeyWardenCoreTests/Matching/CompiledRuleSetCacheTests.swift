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
import Synchronization
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

    /// A database image is used where it lies only when it sits on the alignment it was made
    /// for and its header and length are Hyperscan's; anything else throws, it never crashes.
    @Test func aDatabaseImageIsUsedInPlaceOnlyAlignedAndWhole() throws {
        let image = try HyperscanDatabase.compile(["kw_[a-z0-9]{8}", "qq_[0-9]{4}"], flags: [.multiline, .multiline]).image()
        final class Memory {
            let base = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: HyperscanDatabase.imageAlignment)
            deinit { base.deallocate() }
        }
        let memory = Memory()
        #expect(image.count + 64 <= 1 << 20)
        func place(_ bytes: [UInt8], at offset: Int) -> UnsafeRawBufferPointer {
            bytes.withUnsafeBytes { memory.base.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            return UnsafeRawBufferPointer(start: memory.base.advanced(by: offset), count: bytes.count)
        }
        #expect(throws: HyperscanError.self) { try HyperscanDatabase.inPlace(place(image, at: 8), owner: memory) }
        var foreign = image
        foreign[0] ^= 0xFF  // the magic
        #expect(throws: HyperscanError.self) { try HyperscanDatabase.inPlace(place(foreign, at: 0), owner: memory) }
        #expect(throws: HyperscanError.self) { try HyperscanDatabase.inPlace(place(Array(image.dropLast()), at: 0), owner: memory) }
        #expect(throws: HyperscanError.self) { try HyperscanDatabase.inPlace(place(Array(image.prefix(16)), at: 0), owner: memory) }
        let database = try HyperscanDatabase.inPlace(place(image, at: 0), owner: memory)
        #expect(try database.image() == image)
    }

    @Test(arguments: [["*.sql"], []], [[String]](arrayLiteral: ["x.cnf"], []))
    func rulesScopedToFileNamesHaveTheirOwnDatabaseThroughTheCache(dump: [String], cnf: [String]) throws {
        // Two rules, each scoped or not: every split (none, one, both scoped) is stored and read
        // back, and a scoped rule is looked for only in an item its paths allow.
        func rule(_ id: String, _ prefix: String, _ paths: [String]) -> String {
            """
              - id: \(id)
                description: d
                severity: high
                pattern: '\(prefix)_[a-z0-9]{8}'
                examples: ['\(prefix)_abcd1234']
                negativeExamples: ['y']
            """ + (paths.isEmpty ? "" : "\n    paths: \(paths)")
        }
        let yaml = "rules:\n" + rule("dump-rule", "kw", dump) + "\n" + rule("cnf-rule", "qq", cnf) + "\n"
        let directory = try TemporaryDirectory()
        let cache = CompiledRuleSetCache(directory: directory.path)
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        let fresh = try CompiledRuleSet(ruleSet, cache: cache)
        let cached = try #require(CompiledRuleSet(cached: ruleSet, cache: cache))
        let scoped = ruleSet.rules.map { !$0.paths.isEmpty }
        for compiled in [fresh, cached] {
            #expect((compiled.databases.scoped != nil) == scoped.contains(true))
            #expect((compiled.databases.general != nil) == scoped.contains(false))
            let text = Array("kw_abcd1234 qq_abcd1234".utf8)
            let matcher = try Matcher(compiled)
            #expect(Set(try matcher.matches(in: text).map { ruleSet.rules[$0.ruleIndex].id }) == ["dump-rule", "cnf-rule"])
            #expect(Set(try matcher.matches(in: text, skipping: scoped).map { ruleSet.rules[$0.ruleIndex].id })
                    == Set(ruleSet.rules.filter(\.paths.isEmpty).map(\.id)))
        }
    }

    /// The parsed catalogue: parsed once, then read back equal, digest included; an edited entry
    /// is parsed again.
    @Test func theParsedCatalogueIsReadBackAndAnEditedEntryIsNotTrusted() throws {
        let directory = try TemporaryDirectory()
        let cache = CompiledRuleSetCache(directory: directory.path)
        let rules = try RulePackLoader.parse(yaml, file: "t.yaml")
        let expected = RuleSet(rules.map(\.forScanning))
        var parses = 0
        let parse = { () throws -> [Rule] in parses += 1; return rules }
        for _ in 0..<2 {
            let read = try cache.builtinRuleSetForScanning(parse: parse)
            #expect(read.rules == expected.rules)
            #expect(read.contentHash == expected.contentHash)
        }
        #expect(parses == 1)
        let entry = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".rules") })
        let path = directory.path + "/" + entry
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("kw_".utf8)) })
        bytes.replaceSubrange(at..<at + 3, with: Array("zz_".utf8))  // a rule made to match nothing
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try cache.builtinRuleSetForScanning(parse: parse).rules == expected.rules)
        #expect(parses == 2)
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

    /// A compile that starts while another holds the rule set's lock waits, then takes the
    /// entry the holder stored instead of compiling and storing its own.
    @Test func aCompileWaitsForTheOneUnderWayAndReadsItsEntry() throws {
        let directory = try TemporaryDirectory()
        let cache = CompiledRuleSetCache(directory: directory.path + "/kw")
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        let held = try #require(cache.compileLock(for: ruleSet))
        let state = Mutex<(started: Bool, done: Bool)>((false, false))
        let finished = DispatchSemaphore(value: 0)
        let waiter = Thread {
            state.withLock { $0.started = true }
            let compiled = try? CompiledRuleSet(ruleSet, cache: cache)
            state.withLock { $0.done = compiled != nil }
            finished.signal()
        }
        waiter.start()
        while !state.withLock({ $0.started }) { usleep(1_000) }
        usleep(200_000)
        #expect(!state.withLock { $0.done }, "the second compile went ahead while the lock was held")
        // The holder's compile, stored as the waiter will find it.
        let holder = try CompiledRuleSet(ruleSet, cache: nil)
        cache.store(holder.databases, plans: holder.plans, for: ruleSet)
        var stored = stat()
        #expect(stat(cache.path(for: ruleSet), &stored) == 0)
        held.release()
        finished.wait()
        #expect(state.withLock { $0.done })
        var after = stat()
        #expect(stat(cache.path(for: ruleSet), &after) == 0)
        #expect(after.st_ino == stored.st_ino, "the waiter replaced the entry: it compiled again")
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

/// The cache directory is writable input: a planted or edited entry must never decide a scan.
@Suite struct HostileCacheTests {
    let yaml = pack(pattern: #"kw_[a-z0-9]{8}"#)
    let secretText = Array("x kw_abcd1234 y".utf8)

    final class Warnings: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ message: String) { lock.lock(); stored.append(message); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    }

    func cache(_ directory: String, _ warnings: Warnings) -> CompiledRuleSetCache {
        CompiledRuleSetCache(directory: directory) { warnings.append($0) }
    }

    /// A fresh cache directory (its warnings collected) holding the compiled `yaml` rules, and
    /// the entry's path.
    func storedEntry() throws -> (TemporaryDirectory, Warnings, CompiledRuleSetCache, RuleSet, String) {
        let directory = try TemporaryDirectory()
        let warnings = Warnings()
        let cache = cache(directory.path + "/kw", warnings)
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        _ = try CompiledRuleSet(ruleSet, cache: cache)
        return (directory, warnings, cache, ruleSet, cache.path(for: ruleSet))
    }

    @Test func editedPlansAreRefusedAndTheRulesRecompiled() throws {
        let (directory, warnings, cache, ruleSet, file) = try storedEntry()
        defer { withExtendedLifetime(directory) {} }
        // Point the rule's secret at a group that does not exist: before digests, that silenced it.
        // Layout: magic, plans length (4 bytes), plans; the one plan's secret group is its last byte.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let planLength = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        let plans = try CompiledRuleSetCache.decodePlans(Array(bytes[8..<(8 + planLength)]))
        #expect(plans.map(\.secretGroup) == [0])
        bytes[8 + planLength - 1] = 14  // zigzag 7
        #expect(try CompiledRuleSetCache.decodePlans(Array(bytes[8..<(8 + planLength)])).map(\.secretGroup) == [7])
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(cache.load(for: ruleSet) == nil)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("digest mismatch") == true)
        #expect(try Matcher(CompiledRuleSet(ruleSet, cache: cache)).matches(in: secretText).count == 1)
    }

    /// A load that checked the digest leaves a stamp, and the next load of the unchanged entry
    /// trusts it; an entry edited in place afterwards (same file, same size, the stamp left as it
    /// was) is hashed again and refused, and a stamp copied from another entry counts for nothing.
    @Test func aVerifiedStampSparesTheHashOnlyWhileTheEntryIsUnchanged() throws {
        let (directory, warnings, cache, ruleSet, file) = try storedEntry()
        defer { withExtendedLifetime(directory) {} }
        let stamp = file + ".verified"
        #expect(!FileManager.default.fileExists(atPath: stamp))
        #expect(cache.load(for: ruleSet) != nil)
        let written = try Data(contentsOf: URL(fileURLWithPath: stamp))
        #expect(cache.load(for: ruleSet) != nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: stamp)) == written, "an unchanged entry keeps its stamp")

        // The stamp from another rule set's entry, planted beside ours, matches nothing of ours.
        let other = RuleSet(try RulePackLoader.parse(pack(pattern: #"zz_[0-9]{4}"#), file: "t.yaml"))
        _ = try CompiledRuleSet(other, cache: cache)
        #expect(cache.load(for: other) != nil)
        try FileManager.default.removeItem(atPath: stamp)
        try FileManager.default.copyItem(atPath: cache.path(for: other) + ".verified", toPath: stamp)
        #expect(cache.load(for: ruleSet) != nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: stamp)) == written, "hashed again and stamped anew")

        // One byte of the database flipped in place: same inode, same size, the stamp untouched.
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        let byte = try #require(try handle.read(upToCount: 1)).first!
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: [byte ^ 0x5A])
        try handle.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: stamp)) == written)
        #expect(cache.load(for: ruleSet) == nil)
        #expect(warnings.all.contains { $0.contains("digest mismatch") })
    }

    /// The scratch a pre-commit scan makes while git works goes to exactly one matcher: two
    /// matchers never share one (Hyperscan's scratch is one thread's), and both still match.
    @Test func aPreparedScratchGoesToOneMatcherOnly() throws {
        let compiled = try CompiledRuleSet(RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml")))
        compiled.prepareScratch()
        let first = try Matcher(compiled)
        #expect(compiled.takeSpareScratch() == nil, "the first matcher took it")
        let second = try Matcher(compiled)
        let (a, b) = (try #require(first.scratch), try #require(second.scratch))
        #expect(a !== b)
        for matcher in [first, second] { #expect(try matcher.matches(in: secretText).count == 1) }
        compiled.prepareScratch()
        #expect(compiled.takeSpareScratch() != nil)
        #expect(compiled.takeSpareScratch() == nil)
    }

    @Test func anotherRuleSetsEntryIsRefused() throws {
        let directory = try TemporaryDirectory()
        let warnings = Warnings()
        let cache = cache(directory.path + "/kw", warnings)
        let ours = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        let theirs = RuleSet(try RulePackLoader.parse(pack(pattern: #"zz_[0-9]{4}"#), file: "t.yaml"))
        _ = try CompiledRuleSet(theirs, cache: cache)
        _ = try CompiledRuleSet(ours, cache: cache)
        try FileManager.default.removeItem(atPath: cache.path(for: ours))
        try FileManager.default.copyItem(atPath: cache.path(for: theirs), toPath: cache.path(for: ours))
        #expect(cache.load(for: ours) == nil)
        #expect(try Matcher(CompiledRuleSet(ours, cache: cache)).matches(in: secretText).count == 1)
        #expect(warnings.all.contains { $0.contains("another rule set") })
    }

    @Test func impossiblePlanValuesAreRefused() throws {
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        let good = try ruleSet.rules.map(RuleMatchPlan.make)
        #expect(CompiledRuleSetCache.planProblem(good, for: ruleSet) == nil)
        let bad = [RuleMatchPlan(flags: .multiline, lookback: -5),
                   RuleMatchPlan(flags: .multiline, lookback: RuleMatchPlan.unboundedLookback + 1),
                   RuleMatchPlan(flags: [.multiline, .caseless], lookback: 8),
                   RuleMatchPlan(flags: .multiline, lookback: 11, secretGroup: 3)]
        for plan in bad { #expect(CompiledRuleSetCache.planProblem([plan], for: ruleSet) != nil, "\(plan)") }
        #expect(CompiledRuleSetCache.planProblem(good + good, for: ruleSet) != nil)
    }

    @Test func aGroupWritableCacheDirectoryIsNeitherReadNorWritten() throws {
        let directory = try TemporaryDirectory()
        let warnings = Warnings()
        let cache = cache(directory.path + "/kw", warnings)
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        _ = try CompiledRuleSet(ruleSet, cache: cache)
        #expect(cache.load(for: ruleSet) != nil)
        chmod(cache.directory, 0o770)
        #expect(cache.load(for: ruleSet) == nil)
        #expect(warnings.all.last?.contains("writable by group or others") == true)
        try FileManager.default.removeItem(atPath: cache.path(for: ruleSet))
        _ = try CompiledRuleSet(ruleSet, cache: cache)
        #expect(!FileManager.default.fileExists(atPath: cache.path(for: ruleSet)), "nothing is written into a shared directory")
    }

    @Test func aGroupWritableCacheFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        let warnings = Warnings()
        let cache = cache(directory.path + "/kw", warnings)
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        _ = try CompiledRuleSet(ruleSet, cache: cache)
        chmod(cache.path(for: ruleSet), 0o666)
        #expect(cache.load(for: ruleSet) == nil)
        #expect(warnings.all.last?.contains("writable by group or others") == true)
    }

    @Test func theCacheDirectoryIsCreatedPrivate() throws {
        let directory = try TemporaryDirectory()
        let cache = cache(directory.path + "/kw", Warnings())
        _ = try CompiledRuleSet(RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml")), cache: cache)
        let attributes = try FileManager.default.attributesOfItem(atPath: cache.directory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
    }

    /// The old temporary name was the target plus the process id: predictable, and opened
    /// without O_NOFOLLOW, so a planted link redirected the write onto another file.
    @Test func aPlantedSymlinkIsNeverWrittenThrough() throws {
        let directory = try TemporaryDirectory()
        let cache = cache(directory.path + "/kw", Warnings())
        let ruleSet = RuleSet(try RulePackLoader.parse(yaml, file: "t.yaml"))
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        let victim = try directory.write("victim.txt", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: cache.path(for: ruleSet) + ".\(getpid()).tmp", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: cache.path(for: ruleSet), withDestinationPath: victim)
        #expect(cache.load(for: ruleSet) == nil, "a link at the entry's name is not read")
        _ = try CompiledRuleSet(ruleSet, cache: cache)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(cache.load(for: ruleSet) != nil, "the entry replaced the link")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.directory).filter { $0.hasPrefix(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
