/// What a finding gives a service verifier: the secret (a token, an API key, an AWS secret
/// access key) and, for key pairs, the public half found beside it (an AWS access key id).
public struct ServiceCredential: Sendable, Hashable {
    public let secret: String
    public let keyId: String?

    public init(secret: String, keyId: String? = nil) {
        self.secret = secret
        self.keyId = keyId
    }
}
