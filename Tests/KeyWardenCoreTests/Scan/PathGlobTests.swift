@testable import KeyWardenAudit
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import Testing

@Suite struct PathGlobTests {
    @Test(arguments: [
        ("Samples/", "Samples/app/.env", true),
        ("Samples/", "Samplesque/x", false),
        ("Samples/**", "Samples/a/b/c.txt", true),
        ("*.min.js", "web/dist/app.min.js", true),
        ("*.min.js", "web/dist/app.js", false),
        ("Tests/Fixtures/**", "Tests/Fixtures/keys/a.pem", true),
        ("Tests/Fixtures/**", "Other/Tests/Fixtures/a.pem", false),
        ("docs/*.md", "docs/guide.md", true),
        ("docs/*.md", "docs/sub/guide.md", false),
        ("**/secrets/*.yaml", "a/b/secrets/x.yaml", true),
        ("vendor", "vendor/lib/x.go", true),
        ("file?.txt", "file1.txt", true),
        ("file?.txt", "file10.txt", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathGlob(pattern).matches(path) == expected)
    }

    /// Many `**` against a deep path that does not match: the recursive search tried every split
    /// for every `**` (a scan held for minutes by one such `skipPaths` entry); the wildcard walk
    /// answers at once, and the same as before on small cases (`RecursiveGlob`, the old search).
    @Test(.timeLimit(.minutes(1))) func manyDoubleStarsAgainstADeepPathAnswerAtOnce() {
        let deep = Array(repeating: "a", count: 60).joined(separator: "/") + "/file.txt"
        #expect(!PathGlob(String(repeating: "**/", count: 40) + "b").matches(deep))
        #expect(PathGlob(String(repeating: "**/", count: 40) + "file.txt").matches(deep))
        #expect(!PathGlob(String(repeating: "*a", count: 40) + "b").matches(String(repeating: "a", count: 200)))
        #expect(PathGlob("a/" + String(repeating: "**/a/", count: 20) + "**").matches(deep))
    }

    /// The wildcard walk agrees with the recursive search on every pattern and path made from a
    /// small alphabet of segments and wildcards.
    @Test func agreesWithTheRecursiveSearch() {
        var generator = SplitMix(seed: 7)
        let patternSegments = ["**", "*", "a", "b", "a*", "*b", "?", "a?b", "ab"]
        let pathSegments = ["a", "b", "ab", "aab", "ba", "abb", "x"]
        for _ in 0..<4_000 {
            let pattern = (0..<generator.next(upTo: 4) + 1).map { _ in patternSegments[generator.next(upTo: patternSegments.count)] }
            let prefix = generator.next(upTo: 3) == 0 ? "/" : ""
            let suffix = generator.next(upTo: 4) == 0 ? "/" : ""
            let glob = prefix + pattern.joined(separator: "/") + suffix
            let path = (0..<generator.next(upTo: 5) + 1).map { _ in pathSegments[generator.next(upTo: pathSegments.count)] }
                .joined(separator: "/")
            #expect(PathGlob(glob).matches(path) == RecursiveGlob(glob).matches(path), "\(glob) against \(path)")
        }
    }
}

/// The recursive search PathGlob used before the wildcard walk, kept as the reference.
private struct RecursiveGlob {
    let segments: [Substring]
    let anchored: Bool

    init(_ pattern: String) {
        var body = pattern
        if body.hasPrefix("./") { body.removeFirst(2) }
        if body.hasSuffix("/") { body += "**" }
        anchored = body.dropLast(body.hasSuffix("/**") ? 3 : 0).contains("/")
        if body.hasPrefix("/") { body.removeFirst() }
        segments = body.split(separator: "/", omittingEmptySubsequences: true)
    }

    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if anchored {
            return (1...max(parts.count, 1)).contains { Self.match(segments[...], parts.prefix($0)) }
        }
        for start in parts.indices {
            for end in (start + 1)...parts.count where Self.match(segments[...], parts[start..<end]) { return true }
        }
        return false
    }

    static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            return (path.startIndex...path.endIndex).contains { match(rest, path[$0...]) }
        }
        guard let segment = path.first, matchSegment(Array(head.utf8)[...], Array(segment.utf8)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    static func matchSegment(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        guard let head = pattern.first else { return name.isEmpty }
        switch head {
        case UInt8(ascii: "*"): return (name.startIndex...name.endIndex).contains { matchSegment(pattern.dropFirst(), name[$0...]) }
        case UInt8(ascii: "?"): return !name.isEmpty && matchSegment(pattern.dropFirst(), name.dropFirst())
        default: return name.first == head && matchSegment(pattern.dropFirst(), name.dropFirst())
        }
    }
}

/// A small deterministic generator for the cases above.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
