import KeyWardenSupport
/// An inventory snapshot that cannot be used: unreadable, malformed, or with wrong fields. The
/// audit could not be completed on it, so the CLI exits 3 (never a pass on partial data).
public struct InventoryFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let diagnostics: [Diagnostic]

    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String {
        "cannot use inventory \(path):\n" + diagnostics.map { "  \($0)" }.joined(separator: "\n")
    }
}

extension InventoryFileError: ClassifiedError {
    /// An audit never passes on an inventory it could not read.
    public var failureClass: FailureClass { .incomplete }
}
