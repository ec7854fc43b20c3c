import KeyWardenSupport
/// An endpoint a connector may call. Connectors can only build requests for the endpoints they
/// declare, and every declared endpoint must be a read: that is what makes them read-only by
/// construction (a test checks every connector's list).
public struct ReadEndpoint: Sendable, Hashable, CustomStringConvertible {
    public let method: String
    public let path: String

    public static func get(_ path: String) -> ReadEndpoint { ReadEndpoint(method: "GET", path: path) }

    /// Kraken's private API is POST-only; this one endpoint only reads the key's own description.
    public static let krakenGetApiKeyInfo = ReadEndpoint(method: "POST", path: "/0/private/GetApiKeyInfo")

    /// GET, or the single POST that Kraken requires for reading a key's description.
    public var isRead: Bool { method == "GET" || self == .krakenGetApiKeyInfo }

    public var description: String { "\(method) \(path)" }
}
