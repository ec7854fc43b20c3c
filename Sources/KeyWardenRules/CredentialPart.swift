/// Which part of a multi-part credential a rule finds. Rules of one `credentialSet` (e.g. `okx`)
/// whose matches sit close together in a file are reported as one finding for the set.
public enum CredentialPart: String, Sendable, Hashable, CaseIterable, Codable {
    /// The public identifier (API key, access key id): reported in full as the finding's `keyId`.
    case key
    /// The signing secret: the finding of a set is reported at the secret.
    case secret
    /// A passphrase or password that completes the set.
    case passphrase
}
