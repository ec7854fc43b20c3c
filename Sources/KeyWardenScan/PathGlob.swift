import KeyWardenInputs
import KeyWardenMatching
/// A gitignore-style path pattern: `*` and `?` stay within one path segment, `**` crosses
/// segments, a pattern without `/` matches a name at any depth, a trailing `/` or `/**` covers
/// everything below a directory.
public struct PathGlob: Sendable, Hashable {
    public let pattern: String
    private let segments: [Substring]
    private let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var body = pattern
        if body.hasPrefix("./") { body.removeFirst(2) }
        if body.hasSuffix("/") { body += "**" }
        anchored = body.dropLast(body.hasSuffix("/**") ? 3 : 0).contains("/")
        if body.hasPrefix("/") { body.removeFirst() }
        segments = body.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether a relative path (with `/` separators) matches; a path also matches when one of
    /// its parent directories does.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if anchored {
            return (1...max(parts.count, 1)).contains { Self.match(segments[...], parts.prefix($0)) }
        }
        // Unanchored: may start at any depth.
        for start in parts.indices {
            for end in (start + 1)...parts.count where Self.match(segments[...], parts[start..<end]) { return true }
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            return (path.startIndex...path.endIndex).contains { match(rest, path[$0...]) }
        }
        guard let segment = path.first, matchSegment(Array(head.utf8)[...], Array(segment.utf8)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        guard let head = pattern.first else { return name.isEmpty }
        switch head {
        case UInt8(ascii: "*"):
            return (name.startIndex...name.endIndex).contains { matchSegment(pattern.dropFirst(), name[$0...]) }
        case UInt8(ascii: "?"):
            return !name.isEmpty && matchSegment(pattern.dropFirst(), name.dropFirst())
        default:
            return name.first == head && matchSegment(pattern.dropFirst(), name.dropFirst())
        }
    }
}
