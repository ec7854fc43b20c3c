import Foundation

/// Runs one target on mutations of its seeds for a while. Before each input runs, it is written
/// to `inFlightPath`: when a target crashes the process, that file is the crashing input
/// (`Scripts/fuzz.sh` keeps it as a regression case). A watchdog aborts on an input that runs
/// longer than `hangSeconds`, leaving the same file behind.
public struct FuzzSession {
    public let target: FuzzTarget
    public let seeds: [Data]
    public var inFlightPath: String?
    /// Nil turns the watchdog off (the replay in the tests, where a busy machine is not a hang).
    public var hangSeconds: Double? = 20

    public init(target: FuzzTarget, seeds: [Data], inFlightPath: String? = nil) {
        self.target = target
        self.seeds = seeds.isEmpty ? [Data()] : seeds
        self.inFlightPath = inFlightPath
    }

    /// Runs the seeds, then mutations until `iterations` or `deadline`; returns inputs run.
    @discardableResult
    public func run(seed: UInt64, iterations: Int = .max, until deadline: Date = .distantFuture) -> Int {
        var mutator = Mutator(seed: seed)
        var count = 0
        for (index, input) in seeds.enumerated() {
            // The first input also builds what a target keeps for the process (the compiled
            // catalogue takes a minute of CPU on a loaded machine): it runs without the watchdog.
            execute(input, watched: index > 0)
            count += 1
        }
        let pool = seeds.map { Array($0) }
        while count < iterations, Date() < deadline {
            let base = pool[mutator.below(pool.count)]
            let other = pool[mutator.below(pool.count)]
            execute(Data(mutator.mutate(base, other: other)))
            count += 1
        }
        return count
    }

    func execute(_ input: Data, watched: Bool = true) {
        if let inFlightPath { FileManager.default.createFile(atPath: inFlightPath, contents: input) }
        guard watched, let hangSeconds else {
            target.run(input)
            return
        }
        let watchdog = DispatchWorkItem { [name = target.name] in
            FileHandle.standardError.write(Data("keywarden-fuzz: \(name): an input ran longer than \(Int(hangSeconds)) s\n".utf8))
            abort()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + hangSeconds, execute: watchdog)
        target.run(input)
        watchdog.cancel()
    }
}
