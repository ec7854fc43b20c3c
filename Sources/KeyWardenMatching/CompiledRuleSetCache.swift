import Crypto
import Foundation
import KeyWardenRules
import KeyWardenSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serialized Hyperscan databases on disk, keyed by what would make them differ: the rule
/// content, the library versions and the CPU features. Loading one takes ~0.05 ms against
/// ~80 ms to compile, which is what makes a pre-commit hook feel instant.
///
/// The cache is untrusted input: a database that does not belong to these rules would make every
/// scan report nothing. So an entry is used only when the directory and the file belong to this
/// user and nobody else can write them, its digest (bound to this rule set's key) matches, and
/// every plan is one this rule set could have produced. Anything else is a miss: the caller
/// recompiles, and a refused entry is said once on stderr. Failures to write are ignored (the
/// cache is an optimisation, never a requirement).
public struct CompiledRuleSetCache: Sendable {
    public let directory: String
    /// Where a refused entry is reported; stderr by default.
    let warn: @Sendable (String) -> Void

    public init(directory: String, warn: @escaping @Sendable (String) -> Void = CompiledRuleSetCache.warnOnStandardError) {
        self.directory = directory
        self.warn = warn
    }

    /// `$XDG_CACHE_HOME/keywarden`, else `~/.cache/keywarden`: a per-user directory, created 0700.
    public static func userDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> CompiledRuleSetCache {
        // $HOME before NSHomeDirectory(), which goes through URL (run-time conformance lookups
        // that cost a pre-commit scan half a millisecond) to the same answer.
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".cache")
        return CompiledRuleSetCache(directory: (base as NSString).appendingPathComponent("keywarden"))
    }

    @Sendable public static func warnOnStandardError(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    /// A file name unique to these rules on this library and CPU.
    public func key(for ruleSet: RuleSet) -> String {
        // Concatenated rather than `joined`, and hashed as an array rather than `Data`: the
        // generic versions look up conformances at run time, at every start.
        let material = ruleSet.contentHash + "\u{0}" + HyperscanDatabase.version + "\u{0}" + HyperscanDatabase.platformSignature
            + "\u{0}" + PCRE2Library.version + "\u{0}" + String(Self.formatVersion)
        return SHA256.hash(data: Array(material.utf8)).hexString
    }

    func path(for ruleSet: RuleSet) -> String { path(key: key(for: ruleSet)) }

    private func path(key: String) -> String { (directory as NSString).appendingPathComponent(key + ".hsdb") }

    // File layout: magic, UInt32 little-endian length of the encoded plans, the plans, UInt32
    // lengths of the general and the scoped database's images (0 for none), zero padding to a
    // file offset that is a multiple of `HyperscanDatabase.imageAlignment`, the general image,
    // padding again, the scoped image, then SHA-256 over the key and everything before it (32
    // bytes). The images are used where the file is mapped (`HyperscanDatabase.inPlace`), which
    // is why they are aligned and why nothing of them is used before the digest matches.
    private static let magic = Array("KWDB".utf8)
    private static let formatVersion = 7
    private static let digestLength = 32
    /// A cache file larger than this is not one we wrote (databases are a few MiB at most).
    private static let maximumFileSize = 256 << 20

    /// The cached entry, or nil (a miss). A missing file is silent; a refused one is warned about.
    func load(for ruleSet: RuleSet) -> (databases: RuleDatabases, plans: [RuleMatchPlan])? {
        let key = key(for: ruleSet)
        switch entry(for: ruleSet, key: key) {
        case let .success(entry):
            return entry
        case .failure(.missing):
            return nil
        case let .failure(.refused(reason)):
            warn("ignoring compiled-rule cache \(path(key: key)): \(reason); compiling the rules instead")
            return nil
        }
    }

    enum Refusal: Error, Equatable {
        case missing
        case refused(String)
    }

    func entry(for ruleSet: RuleSet) -> Result<(databases: RuleDatabases, plans: [RuleMatchPlan]), Refusal> {
        entry(for: ruleSet, key: key(for: ruleSet))
    }

    private func entry(for ruleSet: RuleSet, key: String) -> Result<(databases: RuleDatabases, plans: [RuleMatchPlan]), Refusal> {
        let verified = verifiedBody(at: path(key: key), key: key, magic: Self.magic, minimumLength: 12) { body, mapping in
            typealias Outcome = Result<(databases: RuleDatabases, plans: [RuleMatchPlan]), Refusal>
            let planLength = Self.length(at: 0, in: body)
            guard planLength <= body.count - 12, let plans = try? Self.decodePlans(Array(body[4..<(4 + planLength)])) else {
                return Outcome.failure(.refused("unreadable plans"))
            }
            if let problem = Self.planProblem(plans, for: ruleSet) { return .failure(.refused(problem)) }
            let generalLength = Self.length(at: 4 + planLength, in: body)
            let scopedLength = Self.length(at: 8 + planLength, in: body)
            // Offsets in the file: the body starts after the magic.
            let generalStart = Self.imageOffset(after: Self.magic.count + 12 + planLength) - Self.magic.count
            let scopedStart = Self.imageOffset(after: Self.magic.count + generalStart + generalLength) - Self.magic.count
            guard generalStart <= body.count, generalLength <= body.count - generalStart,
                  scopedStart <= body.count, scopedLength == body.count - scopedStart else {
                return .failure(.refused("truncated database"))
            }
            func database(_ range: Range<Int>) throws -> HyperscanDatabase? {
                range.isEmpty ? nil : try HyperscanDatabase.inPlace(UnsafeRawBufferPointer(rebasing: body[range]), owner: mapping)
            }
            let general: HyperscanDatabase?, scoped: HyperscanDatabase?
            do {
                general = try database(generalStart..<(generalStart + generalLength))
                scoped = try database(scopedStart..<body.count)
            } catch {
                return .failure(.refused("the database image does not load"))
            }
            let databases = RuleDatabases(general: general, scoped: scoped)
            // Each rule must be in the database its scope says: a cached split that disagrees
            // would look for a rule in files it does not apply to, or never.
            let scopedCount = RuleDatabases.scopedIndices(ruleSet.rules).count
            guard (general != nil) == (scopedCount < ruleSet.rules.count), (scoped != nil) == (scopedCount > 0) else {
                return .failure(.refused("the databases do not match the rules' scopes"))
            }
            return .success((databases, plans))
        }
        return verified.flatMap { $0 }
    }

    /// What `read` makes of an entry's content after its magic, when the entry checks out: the
    /// directory and file ours and not writable by others, the magic right, the trailing digest
    /// over key and content matching. `read` runs while the digest is computed (the two take
    /// about as long on a compiled database) and its value is dropped unless the digest matches:
    /// nothing read from an entry is used before it is verified.
    private func verifiedBody<Value>(at file: String, key: String, magic: [UInt8], minimumLength: Int,
                                     read: (UnsafeRawBufferPointer, _ mapping: AnyObject) -> Value) -> Result<Value, Refusal> {
        guard access(file, F_OK) == 0 || errno != ENOENT else { return .failure(.missing) }
        if let problem = Self.ownershipProblem(at: directory, directory: true) { return .failure(.refused(problem)) }
        let mapped: MappedFile, info: stat
        switch Self.mapPrivateFile(file) {
        case let .success(opened): (mapped, info) = opened
        case let .failure(refusal): return .failure(refusal)
        }
        let bytes = mapped.bytes
        guard bytes.count > magic.count + minimumLength + Self.digestLength, bytes.prefix(magic.count).elementsEqual(magic) else {
            return .failure(.refused("not a keywarden cache file"))
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - Self.digestLength)])
        let stored = Array(bytes[(bytes.count - Self.digestLength)...])
        let stamp = Self.verifiedStamp(key: key, digest: stored, of: info)
        if Self.readPrivateFile(file + Self.stampSuffix, atMost: stamp.count + 1) == stamp {
            return withExtendedLifetime(mapped) { .success(read(UnsafeRawBufferPointer(rebasing: body[magic.count...]), mapped)) }
        }
        let (matches, value) = withoutActuallyEscaping(read) { read in
            BothAtOnce.run({ stored.elementsEqual(Self.digest(key: key, body: body)) },
                           { read(UnsafeRawBufferPointer(rebasing: body[magic.count...]), mapped) })
        }
        guard matches else { return .failure(.refused("digest mismatch (modified, or another rule set's entry)")) }
        Self.writeAtomically(stamp, to: file + Self.stampSuffix, in: directory)
        return withExtendedLifetime(mapped) { .success(value) }
    }

    // An entry's digest is checked in full once per entry file: the check then leaves a stamp
    // beside it (`<entry>.verified`) naming the file as it was when it passed (device, inode,
    // size, change time) with its key and digest, and a later load whose entry still matches the
    // stamp skips hashing it. Hashing the 4 MB catalogue was the largest piece of a pre-commit
    // scan's own work (~2 ms of its ~10 ms of CPU). Any write to an entry, and any replacement,
    // changes its change time, which no user can set back: an edited entry never matches its
    // stamp and is hashed, and refused, as before. The stamp is checked as entries are (ours, not
    // writable by others, not a link); anything else about it means hashing.
    private static let stampSuffix = ".verified"

    /// The stamp for an entry with `digest` under `key` whose file is described by `info`.
    static func verifiedStamp(key: String, digest: [UInt8], of info: stat) -> [UInt8] {
        Array("KWVS".utf8) + digest
            + Array("\(key) \(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_ctim.tv_sec) \(info.st_ctim.tv_nsec)".utf8)
    }

    /// A small private cache file's bytes (at most `limit`), or nil when it is missing, not ours,
    /// writable by others, a link, or larger.
    private static func readPrivateFile(_ path: String, atMost limit: Int) -> [UInt8]? {
        guard case let .success((descriptor, info)) = openPrivateFile(path, flags: O_RDONLY | O_NONBLOCK) else { return nil }
        defer { close(descriptor) }
        guard Int(info.st_size) <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count == bytes.count ? bytes : nil
    }

    /// Writes `magic + content + digest` to `file` in the private directory; nothing when the
    /// directory cannot be made private.
    private func storeEntry(_ content: [UInt8], magic: [UInt8], key: String, to file: String) {
        var bytes = magic + content
        bytes += Self.digest(key: key, body: bytes[...])
        guard makePrivateDirectory() else { return }
        Self.writeAtomically(bytes, to: file, in: directory)
    }

    /// Why `plans` cannot belong to `ruleSet`, or nil. The digest already binds an entry to its
    /// key; this keeps a plan from reaching the matcher with values it was never built for.
    static func planProblem(_ plans: [RuleMatchPlan], for ruleSet: RuleSet) -> String? {
        guard plans.count == ruleSet.rules.count else { return "\(plans.count) plans for \(ruleSet.rules.count) rules" }
        let known: HyperscanFlags = [.multiline, .prefilter]
        for (plan, rule) in zip(plans, ruleSet.rules) {
            guard plan.flags.contains(.multiline), known.isSuperset(of: plan.flags) else {
                return "rule '\(rule.id)': unexpected flags \(plan.flags.rawValue)"
            }
            guard (0...RuleMatchPlan.unboundedLookback).contains(plan.lookback) else {
                return "rule '\(rule.id)': lookback \(plan.lookback) out of range"
            }
            let groupValid: Bool = switch rule.secretGroup {
            case .whole: plan.secretGroup == 0
            case let .number(number): plan.secretGroup == number
            // Checked against the pattern's groups when its regex is built (CompiledRuleSet.regex).
            case .name: plan.secretGroup > 0 && plan.secretGroup < 65_536
            case .firstMatched: plan.secretGroup == RuleMatchPlan.firstMatchedGroup
            }
            guard groupValid else { return "rule '\(rule.id)': secret group \(plan.secretGroup) does not match the rule" }
        }
        return nil
    }

    private static func digest(key: String, body: ArraySlice<UInt8>) -> [UInt8] {
        body.withUnsafeBytes { digest(key: key, body: $0) }
    }

    private static func digest(key: String, body: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        var key = key
        key.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: body)
        return Array(hasher.finalize())
    }

    /// Why a cache path may not be trusted: not ours, or writable by group or others.
    static func ownershipProblem(at path: String, directory: Bool) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "cannot stat \(path)" }
        return ownershipProblem(info, path: path, directory: directory)
    }

    private static func ownershipProblem(_ info: stat, path: String, directory: Bool) -> String? {
        let type = info.st_mode & S_IFMT
        if directory, type != S_IFDIR { return "\(path) is not a directory" }
        if !directory, type != S_IFREG { return "\(path) is not a regular file" }
        if info.st_uid != getuid() { return "\(path) is owned by another user (uid \(info.st_uid))" }
        if info.st_mode & (S_IWGRP | S_IWOTH) != 0 {
            return "\(path) is writable by group or others (mode \(String(info.st_mode & 0o7777, radix: 8)))"
        }
        return nil
    }

    /// Maps a cache file read-only without following a symbolic link, checking the opened file
    /// itself. Mapped rather than read: the compiled database is megabytes a pre-commit scan
    /// would otherwise copy. Entries are replaced by rename, never rewritten in place, so a
    /// mapped entry does not change under the reader.
    private static func mapPrivateFile(_ path: String) -> Result<(MappedFile, stat), Refusal> {
        openPrivateFile(path, flags: O_RDONLY | O_NONBLOCK).flatMap { descriptor, info in
            defer { close(descriptor) }
            guard Int(info.st_size) <= maximumFileSize else { return .failure(.refused("file too large")) }
            guard let mapped = MappedFile(descriptor: descriptor, count: Int(info.st_size)) else { return .failure(.refused("cannot map")) }
            return .success((mapped, info))
        }
    }

    /// Opens a cache file (entry, stamp or lock) without following a symbolic link and checks
    /// the opened file itself: a regular file of ours that group and others cannot write. The
    /// descriptor is the caller's to close.
    private static func openPrivateFile(_ path: String, flags: Int32, mode: mode_t = 0) -> Result<(descriptor: Int32, info: stat), Refusal> {
        let descriptor = open(path, flags | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : .refused("cannot open (\(String(cString: strerror(errno)))); a symbolic link?"))
        }
        var info = stat()
        let problem = fstat(descriptor, &info) == 0 ? ownershipProblem(info, path: path, directory: false) : "cannot stat"
        if let problem {
            close(descriptor)
            return .failure(.refused(problem))
        }
        return .success((descriptor, info))
    }

    func store(_ databases: RuleDatabases, plans: [RuleMatchPlan], for ruleSet: RuleSet) {
        guard let general = try? databases.general?.image() ?? [], let scoped = try? databases.scoped?.image() ?? [] else { return }
        let planData = Self.encodePlans(plans)
        var file = Self.magic + Self.lengthBytes(planData.count) + planData + Self.lengthBytes(general.count) + Self.lengthBytes(scoped.count)
        for image in [general, scoped] {
            file += [UInt8](repeating: 0, count: Self.imageOffset(after: file.count) - file.count)
            file += image
        }
        storeEntry(Array(file[Self.magic.count...]), magic: Self.magic, key: key(for: ruleSet), to: path(for: ruleSet))
    }

    /// Held while one process compiles a rule set the cache lacks: an exclusive `flock` on
    /// `<key>.lock` in the private directory, taken by blocking until the holder is done (the
    /// kernel drops it if the holder dies). Nil when the directory cannot be made private or the
    /// lock cannot be taken; the caller then compiles unlocked, as it did without a lock.
    public final class CompileLock {
        private var descriptor: Int32

        fileprivate init(descriptor: Int32) { self.descriptor = descriptor }

        /// Closing the descriptor drops the lock. The file stays: unlinking a lock file lets a
        /// process that opened it before the unlink lock a file nobody else will see.
        public func release() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }

        deinit { release() }
    }

    public func compileLock(for ruleSet: RuleSet) -> CompileLock? {
        guard makePrivateDirectory() else { return nil }
        let file = (directory as NSString).appendingPathComponent(key(for: ruleSet) + ".lock")
        guard case let .success((descriptor, _)) = Self.openPrivateFile(file, flags: O_RDWR | O_CREAT, mode: 0o600) else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        return CompileLock(descriptor: descriptor)
    }

    /// The first file offset at or after `offset` where an image may start.
    private static func imageOffset(after offset: Int) -> Int {
        let alignment = HyperscanDatabase.imageAlignment
        return (offset + alignment - 1) / alignment * alignment
    }

    /// A 4-byte little-endian length.
    private static func lengthBytes(_ count: Int) -> [UInt8] {
        let length = UInt32(count)
        return [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)]
    }

    private static func length(at offset: Int, in body: UnsafeRawBufferPointer) -> Int {
        Int(body[offset]) | Int(body[offset + 1]) << 8 | Int(body[offset + 2]) << 16 | Int(body[offset + 3]) << 24
    }

    /// Plans as flags, lookback and secret group each, in rule order.
    static func encodePlans(_ plans: [RuleMatchPlan]) -> [UInt8] {
        var writer = CompactBinaryWriter()
        writer.write(plans.count)
        for plan in plans {
            writer.write(Int(plan.flags.rawValue))
            writer.write(plan.lookback)
            writer.write(plan.secretGroup)
        }
        return writer.bytes
    }

    static func decodePlans(_ bytes: [UInt8]) throws -> [RuleMatchPlan] {
        var reader = CompactBinaryReader(bytes)
        let count = try reader.readCount()
        var plans: [RuleMatchPlan] = []
        plans.reserveCapacity(count)
        for _ in 0..<count {
            let start = reader.offset
            guard let flags = UInt32(exactly: try reader.readInt()) else { throw CompactBinaryReader.Malformed(offset: start) }
            plans.append(RuleMatchPlan(flags: HyperscanFlags(rawValue: flags), lookback: try reader.readInt(),
                                       secretGroup: try reader.readInt()))
        }
        guard reader.isAtEnd else { throw CompactBinaryReader.Malformed(offset: reader.offset) }
        return plans
    }

    // MARK: the parsed built-in catalogue

    private static let rulesMagic = Array("KWRS".utf8)

    /// The built-in rules as a scan needs them (`Rule.forScanning`: no examples), parsed once per
    /// catalogue and build and then read from the cache, with the rule set's digest: parsing 700+
    /// rules from YAML costs a pre-commit scan most of its time, and hashing them again a tenth.
    /// The entry is checked as the compiled one is (ours, not writable by others, digest over the
    /// whole); anything wrong and the packs are parsed again.
    public func builtinRuleSetForScanning(parse: () throws -> [Rule] = BuiltinRules.load) throws -> RuleSet {
        let key = Self.builtinRulesKey()
        let path = (directory as NSString).appendingPathComponent(key + ".rules")
        if case let .success(decoded) = verifiedBody(at: path, key: key, magic: Self.rulesMagic, minimumLength: 0,
                                                     read: { body, _ in try? RuleBinaryFormat.decodeRuleSet(Array(body)) }),
           let ruleSet = decoded {
            return ruleSet
        }
        let ruleSet = RuleSet(try parse().map(\.forScanning))
        storeEntry(RuleBinaryFormat.encode(ruleSet), magic: Self.rulesMagic, key: key, to: path)
        return ruleSet
    }

    /// The catalogue's content and this build of keywarden (the loader decides what a rule
    /// becomes, so a new binary parses again even when the packs are the same).
    static func builtinRulesKey() -> String {
        var hasher = SHA256()
        hasher.update(data: Array(BuiltinRules.contentKey.utf8))
        var info = stat()
        if let executable = runningExecutable(), stat(executable, &info) == 0 {
            hasher.update(data: Array("\(executable)\0\(info.st_size)\0\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)".utf8))
        }
        return "rules-" + hasher.finalize().hexString
    }

    /// This process's executable. On Linux from /proc, not `Bundle.main`: making the main bundle
    /// lists the executable's directory, which costs a pre-commit scan milliseconds in a large
    /// bin directory.
    private static func runningExecutable() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return Bundle.main.executablePath
    }

    /// mkdir 0700 (this user's cache); an existing directory must already be private.
    private func makePrivateDirectory() -> Bool {
        if mkdir(directory, 0o700) != 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: (directory as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = mkdir(directory, 0o700)
        }
        return Self.ownershipProblem(at: directory, directory: true) == nil
    }

    /// Writes a temporary file created exclusively under a random name in the same directory (so
    /// a planted file or symbolic link is never opened, let alone followed), then renames it over
    /// the target: concurrent processes never see half a file.
    private static func writeAtomically(_ bytes: [UInt8], to target: String, in directory: String) {
        var generator = SystemRandomNumberGenerator()
        let suffix = (0..<16).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }.joined()
        let temporary = (directory as NSString).appendingPathComponent(".tmp-\(suffix)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let closed = close(descriptor) == 0
        if written != bytes.count || !closed || rename(temporary, target) != 0 { unlink(temporary) }
    }
}

/// A file mapped read-only and populated up front (one kernel call instead of a page fault per
/// page), unmapped when released.
private final class MappedFile {
    let bytes: UnsafeRawBufferPointer

    init?(descriptor: Int32, count: Int) {
        guard count > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, count, PROT_READ, flags, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: count)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}

/// Two pieces of work on two threads, both results returned.
private enum BothAtOnce {
    static func run<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let box = Box(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { box.firstValue = box.first() } else { box.secondValue = box.second() }
                }
                return (box.firstValue!, box.secondValue!)
            }
        }
    }

    /// The work and its results; each result slot is written by one thread and read only after
    /// `concurrentPerform` has joined both, and the work does not outlive `run`.
    private final class Box<First, Second>: @unchecked Sendable {
        let first: () -> First
        let second: () -> Second
        var firstValue: First?
        var secondValue: Second?

        init(first: @escaping () -> First, second: @escaping () -> Second) {
            self.first = first
            self.second = second
        }
    }
}
