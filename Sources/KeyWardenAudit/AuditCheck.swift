/// One check of the catalogue: looks at the policy, the inventory and the leaks at a fixed
/// `now`, and reports what fails. Checks never apply waivers; the engine does.
public protocol AuditCheck: Sendable {
    static var descriptor: CheckDescriptor { get }
    func evaluate(_ context: AuditContext) -> [AuditFinding]
}

extension AuditCheck {
    var descriptor: CheckDescriptor { Self.descriptor }
}
