import Crypto
import Foundation
import KeyWardenRules

/// Serialized Hyperscan databases on disk, keyed by what would make them differ: the rule
/// content, the library versions and the CPU features. Loading one takes ~0.05 ms against
/// ~80 ms to compile, which is what makes a pre-commit hook feel instant.
///
/// Any failure to read, decode or deserialize counts as a miss and the caller recompiles;
/// failures to write are ignored (the cache is an optimisation, never a requirement).
public struct CompiledRuleSetCache: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$XDG_CACHE_HOME/keywarden`, else `~/.cache/keywarden`.
    public static func userDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> CompiledRuleSetCache {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return CompiledRuleSetCache(directory: (base as NSString).appendingPathComponent("keywarden"))
    }

    /// A file name unique to these rules on this library and CPU.
    public func key(for ruleSet: RuleSet) -> String {
        let material = [ruleSet.contentHash, HyperscanDatabase.version, HyperscanDatabase.platformSignature,
                        PCRE2Library.version, String(Self.formatVersion)].joined(separator: "\u{0}")
        return SHA256.hash(data: Data(material.utf8)).hexString
    }

    func path(for ruleSet: RuleSet) -> String {
        (directory as NSString).appendingPathComponent(key(for: ruleSet) + ".hsdb")
    }

    // File layout: magic, UInt32 little-endian length of the JSON-encoded plans, the plans,
    // then the serialized database.
    private static let magic = Array("KWDB".utf8)
    private static let formatVersion = 2

    func load(for ruleSet: RuleSet) -> (database: HyperscanDatabase, plans: [RuleMatchPlan])? {
        guard let data = FileManager.default.contents(atPath: path(for: ruleSet)) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count > 8, Array(bytes[0..<4]) == Self.magic else { return nil }
        let planLength = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        guard planLength <= bytes.count - 8,
              let plans = try? JSONDecoder().decode([RuleMatchPlan].self, from: Data(bytes[8..<(8 + planLength)])),
              plans.count == ruleSet.rules.count,
              let database = try? HyperscanDatabase.deserialize(Array(bytes[(8 + planLength)...]))
        else { return nil }
        return (database, plans)
    }

    func store(_ database: HyperscanDatabase, plans: [RuleMatchPlan], for ruleSet: RuleSet) {
        guard let serialized = try? database.serialize(), let planData = try? JSONEncoder().encode(plans) else { return }
        let length = UInt32(planData.count)
        var bytes = Self.magic
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)]
        bytes += planData
        bytes += serialized
        let target = path(for: ruleSet)
        // Write to a unique temporary name, then rename: concurrent processes never see half a file.
        let temporary = target + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, target) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
