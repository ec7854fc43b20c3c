import KeyWardenInputs

/// A container image (`docker save` tar or OCI layout directory) as one item whose members are
/// its layers' files and its config's Env and history.
public struct ImageSource: ScanSource {
    public let path: String
    public let limits: ArchiveLimits

    public init(path: String, limits: ArchiveLimits) {
        self.path = path
        self.limits = limits
    }

    public var count: Int { 1 }

    public func reader() throws -> any ContentReader { ImageReader(path: path, limits: limits) }

    public func label(of index: Int) -> String { path }

    public func paths(of index: Int) -> [String] { [path] }

    public func place(_ findings: [Finding], of index: Int) -> [Finding] {
        findings.map { $0.placed(at: path) }
    }
}

final class ImageReader: ContentReader {
    private let path: String
    private let limits: ArchiveLimits

    init(path: String, limits: ArchiveLimits) {
        self.path = path
        self.limits = limits
    }

    func request(_ indices: [Int]) {}

    func next() throws -> ContentOutcome {
        switch ContainerImage.members(of: path, limits: limits) {
        case let .success(members): .members(members)
        case let .failure(refusal): .skipped(refusal.reason)
        }
    }

    func finish() throws {}
}
