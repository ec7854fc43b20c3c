import KeyWardenInputs

/// Standard input (`keywarden scan -`), what pre-receive hooks and editors pipe in: one item,
/// reported as the path `-`, bounded by `maxSize` since a pipe has no size to check first.
public struct StandardInputSource: ScanSource {
    public static let path = "-"
    public let maxSize: Int

    public init(maxSize: Int) {
        self.maxSize = maxSize
    }

    public var count: Int { 1 }

    public func reader() throws -> any ContentReader { StandardInputReader(maxSize: maxSize) }

    public func label(of index: Int) -> String { Self.path }

    public func paths(of index: Int) -> [String] { [] }

    public func place(_ findings: [Finding], of index: Int) -> [Finding] { findings.map { $0.placed(at: Self.path) } }
}

final class StandardInputReader: ContentReader {
    let maxSize: Int

    init(maxSize: Int) { self.maxSize = maxSize }

    func request(_ indices: [Int]) {}

    func next() throws -> ContentOutcome {
        switch FileContent.read(descriptor: 0, maxSize: maxSize) {
        case let .text(bytes): .text(bytes)
        case let .skipped(reason): .skipped(reason)
        }
    }

    func finish() throws {}
}
