import Foundation
import KeyWardenFuzzTargets

// keywarden-fuzz TARGET SECONDS [SEED] [IN-FLIGHT-FILE]: mutation fuzzing of one parser (see
// Scripts/fuzz.sh, which builds this, runs every target and keeps crashing inputs).
// keywarden-fuzz --list: the targets.
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--list" {
    print(FuzzTargets.all.map(\.name).joined(separator: "\n"))
    exit(0)
}
guard arguments.count >= 2, let target = FuzzTargets.named(arguments[arguments.startIndex]),
      let seconds = Double(arguments[arguments.startIndex + 1]), seconds.isFinite, seconds > 0 else {
    FileHandle.standardError.write(Data("usage: keywarden-fuzz TARGET SECONDS [SEED] [IN-FLIGHT-FILE] | --list\n".utf8))
    exit(2)
}
FuzzTargets.useUsersRuleCache()
let seed = arguments.count > 2 ? UInt64(arguments[arguments.startIndex + 2]) ?? 1 : 1
let root = FileManager.default.currentDirectoryPath
var session = FuzzSession(target: target, seeds: target.seeds(root: root))
session.inFlightPath = arguments.count > 3 ? arguments[arguments.startIndex + 3] : nil
let count = session.run(seed: seed, until: Date().addingTimeInterval(seconds))
FuzzTargets.removeScratchFiles()
print("\(target.name): \(count) inputs in \(Int(seconds)) s, no crash")
