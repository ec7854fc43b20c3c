import CHyperscan

/// Per-pattern compile flags (`HS_FLAG_*`).
public struct HyperscanFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseless = HyperscanFlags(rawValue: UInt32(HS_FLAG_CASELESS))
    public static let multiline = HyperscanFlags(rawValue: UInt32(HS_FLAG_MULTILINE))
    public static let prefilter = HyperscanFlags(rawValue: UInt32(HS_FLAG_PREFILTER))
}
