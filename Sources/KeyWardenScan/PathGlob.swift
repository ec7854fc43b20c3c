import KeyWardenInputs
import KeyWardenMatching
/// A gitignore-style path pattern: `*` and `?` stay within one path segment, `**` crosses
/// segments, a pattern without `/` matches a name at any depth, a trailing `/` or `/**` covers
/// everything below a directory.
public struct PathGlob: Sendable, Hashable {
    public let pattern: String
    /// The pattern's segments as bytes; `**` is any number of segments.
    private let segments: [[UInt8]]
    private let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var body = pattern
        if body.hasPrefix("./") { body.removeFirst(2) }
        if body.hasSuffix("/") { body += "**" }
        anchored = body.dropLast(body.hasSuffix("/**") ? 3 : 0).contains("/")
        if body.hasPrefix("/") { body.removeFirst() }
        segments = body.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    private static let anySegments = Array("**".utf8)

    /// Whether a relative path (with `/` separators) matches; a path also matches when one of
    /// its parent directories does.
    public func matches(_ path: String) -> Bool {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Array.init)
        guard !segments.isEmpty else { return anchored && parts.isEmpty }
        guard anchored || !parts.isEmpty else { return false }
        // A parent matching is the pattern followed by any segments; an unanchored pattern may
        // also start at any depth, so it is preceded by any segments too.
        let whole = (anchored ? [] : [Self.anySegments]) + segments + [Self.anySegments]
        return Self.match(whole, parts)
    }

    /// Whether `pattern` matches all of `path`, segment by segment, `**` standing for any number
    /// of segments. The wildcard walk that remembers only the last `**` (a later one makes
    /// earlier choices irrelevant): at most pattern × path segment comparisons. The recursive
    /// search before tried every split for every `**`, exponential in their number: a
    /// configuration's `skipPaths: ["**/**/…/b"]` held a scan for minutes on one deep path.
    private static func match(_ pattern: [[UInt8]], _ path: [[UInt8]]) -> Bool {
        var next = 0, segment = 0
        var lastStar: Int?, resumeAt = 0
        while segment < path.count {
            if next < pattern.count, pattern[next] == anySegments {
                lastStar = next
                resumeAt = segment
                next += 1
            } else if next < pattern.count, matchSegment(pattern[next], path[segment]) {
                next += 1
                segment += 1
            } else if let star = lastStar {
                // The last `**` takes one more segment; the rest is tried again after it.
                next = star + 1
                resumeAt += 1
                segment = resumeAt
            } else {
                return false
            }
        }
        while next < pattern.count, pattern[next] == anySegments { next += 1 }
        return next == pattern.count
    }

    /// Whether `pattern` matches all of `name` (one segment): `*` any run of bytes, `?` one
    /// byte. The same walk as `match`, one byte at a time.
    private static func matchSegment(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        var next = 0, byte = 0
        var lastStar: Int?, resumeAt = 0
        while byte < name.count {
            if next < pattern.count, pattern[next] == UInt8(ascii: "*") {
                lastStar = next
                resumeAt = byte
                next += 1
            } else if next < pattern.count, pattern[next] == UInt8(ascii: "?") || pattern[next] == name[byte] {
                next += 1
                byte += 1
            } else if let star = lastStar {
                next = star + 1
                resumeAt += 1
                byte = resumeAt
            } else {
                return false
            }
        }
        while next < pattern.count, pattern[next] == UInt8(ascii: "*") { next += 1 }
        return next == pattern.count
    }
}
