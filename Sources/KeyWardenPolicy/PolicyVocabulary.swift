import KeyWardenAccounts

/// The names a policy may use that Policy does not own: the audit's check ids (waivers name them)
/// and each exchange's permission names. Audit hands them in (`PolicyAudit.vocabulary`), which
/// keeps Policy free of the audit catalogue and of the exchanges' code.
public struct PolicyVocabulary: Sendable {
    public let knownChecks: [String]
    public let permissions: PermissionVocabulary

    public init(knownChecks: [String], permissions: PermissionVocabulary) {
        self.knownChecks = knownChecks
        self.permissions = permissions
    }
}
