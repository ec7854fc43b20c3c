/// How far keywarden goes into archives: nested depth, and the bounds that keep a hostile
/// archive (a zip bomb, a million empty members) from costing unbounded time or memory. Past a
/// bound the archive is reported as skipped with the reason, never half-scanned in silence.
public struct ArchiveLimits: Sendable, Equatable {
    /// Archives inside archives are opened down to this depth; 0 turns archive scanning off.
    public var maxDepth: Int
    /// A member larger than this is skipped (the scan's --max-file-size).
    public var maxMemberSize: Int
    /// Bytes expanded from one archive on disk, nested members included.
    public var maxExpandedBytes: Int
    /// Members read from one archive on disk, nested members included.
    public var maxMembers: Int
    /// Expanded bytes per byte on disk allowed once past `ratioFloor` expanded bytes: text
    /// compresses 5-20x, a bomb thousands of times.
    public var maxRatio: Int
    public var ratioFloor: Int

    public init(maxDepth: Int = 2, maxMemberSize: Int = 10 << 20, maxExpandedBytes: Int = 256 << 20, maxMembers: Int = 20_000,
                maxRatio: Int = 200, ratioFloor: Int = 16 << 20) {
        self.maxDepth = maxDepth
        self.maxMemberSize = maxMemberSize
        self.maxExpandedBytes = maxExpandedBytes
        self.maxMembers = maxMembers
        self.maxRatio = maxRatio
        self.ratioFloor = ratioFloor
    }
}
