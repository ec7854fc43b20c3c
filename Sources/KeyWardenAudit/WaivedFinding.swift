import KeyWardenPolicy
/// A finding a waiver hides, listed apart from the others (never dropped).
public struct WaivedFinding: Sendable, Hashable {
    public let finding: AuditFinding
    public let waiver: Waiver
}
