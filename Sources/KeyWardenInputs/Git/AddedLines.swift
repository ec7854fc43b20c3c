/// The lines of a staged file that the next commit adds or changes (1-based, new-file numbering).
public struct AddedLines: Sendable, Equatable {
    /// Sorted, non-overlapping ranges.
    public private(set) var ranges: [ClosedRange<Int>]
    /// Every line counts (a new file, or a diff that could not be read).
    public let isEverything: Bool

    public static let everything = AddedLines(ranges: [], isEverything: true)

    public init(ranges: [ClosedRange<Int>] = [], isEverything: Bool = false) {
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
        self.isEverything = isEverything
    }

    /// Whether any line of `first...last` is added.
    public func intersects(_ first: Int, _ last: Int) -> Bool {
        if isEverything { return true }
        return ranges.contains { $0.lowerBound <= last && first <= $0.upperBound }
    }

    /// The new-file lines a unified-diff hunk header adds: "@@ -a[,b] +c[,d] @@ ..." covers
    /// lines c..c+d-1 (d defaults to 1; d = 0 means the hunk only deletes). Only the header's
    /// line numbers are read, never the diff content.
    package static func hunk(header: some Collection<UInt8>) -> (old: Int, new: Int, added: ClosedRange<Int>?)? {
        let text = String(decoding: header, as: UTF8.self)
        let parts = text.split(separator: " ")
        guard parts.count >= 4, parts[0] == "@@", parts[1].hasPrefix("-"), parts[2].hasPrefix("+") else { return nil }
        func span(_ part: Substring) -> (start: Int, count: Int)? {
            let numbers = part.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(numbers[0]) else { return nil }
            guard numbers.count > 1 else { return (start, 1) }
            guard numbers.count == 2, let count = Int(numbers[1]) else { return nil }
            return (start, count)
        }
        guard let old = span(parts[1]), let new = span(parts[2]) else { return nil }
        return (old.count, new.count, new.count > 0 ? new.start...(new.start + new.count - 1) : nil)
    }
}
