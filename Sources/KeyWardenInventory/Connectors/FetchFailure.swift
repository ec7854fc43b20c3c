import KeyWardenAccounts
import KeyWardenSupport
/// Why the keys of an account could not be read, in words a user can act on.
public struct FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The key, signature or passphrase was rejected.
        case authentication
        /// The key lacks the permission, or the caller's IP is not on the key's allowlist.
        case permission
        /// The exchange banned the caller's IP: stop now, retrying prolongs the ban.
        case banned
        case rateLimited
        case clockSkew
        case timeout
        case unreachable
        case server
        case malformedResponse
        case configuration
    }

    public let provider: Provider
    public let kind: Kind
    /// The exchange's error code, when it gave one.
    public let code: String?
    public let message: String

    public init(_ provider: Provider, _ kind: Kind, code: String? = nil, _ message: String) {
        self.provider = provider
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// `OKX 50110: this key is not allowed from this IP`.
    public var description: String {
        if let code { return "\(provider.displayName) \(code): \(message)" }
        return "\(provider.displayName): \(message)"
    }
}
