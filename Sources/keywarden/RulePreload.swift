import KeyWardenMatching
import KeyWardenRules
import Synchronization

/// A scan's base rules and, when the cache has it, their compiled database, loaded on a thread of
/// their own while the main thread parses the command line and asks git about the repository.
/// In a pre-commit scan these are the two halves of the time: parsing alone (swift-argument-parser
/// looking up the conformances of every option in a static binary) takes about as long as reading
/// the rules, so the load starts before the parse, on the guess that the scan uses the built-in
/// rules. `ScanCommand` uses the early load when its parsed options agree, and drops it otherwise.
enum RulePreload {
    typealias Loaded = (ruleSet: RuleSet, compiled: CompiledRuleSet?)

    private static let early = Mutex<BackgroundWork<Loaded>?>(nil)

    /// Starts loading the built-in rules when `arguments` (argv) are a scan that will use them
    /// and the cache: no `--rules`, no `--no-cache`, no help.
    static func startEarly(arguments: [String]) {
        guard arguments.dropFirst().first == "scan" else { return }
        for argument in arguments.dropFirst(2) {
            if argument == "--" { break }
            if argument.hasPrefix("--rules") || argument.hasPrefix("--no-cache") || ["-h", "--help", "--version"].contains(argument) {
                return
            }
        }
        early.withLock {
            $0 = BackgroundWork {
                // What `start` does for options left at their defaults, which cannot be read
                // before they are parsed.
                let cache = CompiledRuleSetCache.userDefault()
                let base = try cache.builtinRuleSetForScanning()
                return (base, CompiledRuleSet(cached: base, cache: cache))
            }
        }
    }

    /// The early load, once; nil when none was started.
    static func takeEarly() -> BackgroundWork<Loaded>? { early.withLock { $0.take() } }

    /// Starts loading `rules` on a thread of its own.
    static func start(_ rules: RuleOptions) -> BackgroundWork<Loaded> {
        BackgroundWork {
            let base = try rules.loadBaseRuleSet()
            return (base, rules.cachedCompile(base))
        }
    }
}
