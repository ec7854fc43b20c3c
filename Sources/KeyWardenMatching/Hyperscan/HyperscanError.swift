import KeyWardenRules
import KeyWardenSupport
/// A failure reported by the Hyperscan (vectorscan) library.
public struct HyperscanError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    /// Index of the pattern the compiler rejected, or -1.
    public let expression: Int32

    public var description: String { "hyperscan error \(code): \(message)" }
}
