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
    /// of segments.
    private static func match(_ pattern: [[UInt8]], _ path: [[UInt8]]) -> Bool {
        wildcardMatch(pattern, path, isStar: { $0 == anySegments }, matches: matchSegment)
    }

    /// Whether `pattern` matches all of `name` (one segment): `*` any run of bytes, `?` one byte.
    private static func matchSegment(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
        wildcardMatch(pattern, name, isStar: { $0 == UInt8(ascii: "*") }, matches: { $0 == UInt8(ascii: "?") || $0 == $1 })
    }

    /// Whether `pattern` matches all of `subject`, a star matching any run of units and every
    /// other token one unit. The wildcard walk that remembers only the last star (a later one
    /// makes earlier choices irrelevant): at most pattern × subject comparisons. The recursive
    /// search before tried every split for every star, exponential in their number: a
    /// configuration's `skipPaths: ["**/**/…/b"]` held a scan for minutes on one deep path.
    private static func wildcardMatch<Token, Unit>(_ pattern: [Token], _ subject: [Unit], isStar: (Token) -> Bool,
                                                   matches: (Token, Unit) -> Bool) -> Bool {
        var next = 0, unit = 0
        var lastStar: Int?, resumeAt = 0
        while unit < subject.count {
            if next < pattern.count, isStar(pattern[next]) {
                lastStar = next
                resumeAt = unit
                next += 1
            } else if next < pattern.count, matches(pattern[next], subject[unit]) {
                next += 1
                unit += 1
            } else if let star = lastStar {
                // The last star takes one more unit; the rest of the pattern is tried after it.
                next = star + 1
                resumeAt += 1
                unit = resumeAt
            } else {
                return false
            }
        }
        while next < pattern.count, isStar(pattern[next]) { next += 1 }
        return next == pattern.count
    }
}
