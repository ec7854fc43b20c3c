import KeyWardenSupport
/// The outcome of reading a policy: the policy and every diagnostic, sorted by position.
public struct PolicyLint: Sendable {
    public let policy: Policy
    public let diagnostics: [Diagnostic]

    public init(policy: Policy, diagnostics: [Diagnostic]) {
        self.policy = policy
        self.diagnostics = diagnostics.sorted()
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { !errors.isEmpty }
}
