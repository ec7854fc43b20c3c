/// What a PEM or OpenSSH private-key block holds, read from its label and the start of its
/// decoded body: enough to say which key it is, never the key material itself.
public enum PrivateKeyKind: String, Sendable, Equatable {
    case rsa, dsa, ec, ed25519, x25519, ed448, x448
    /// A PKCS#8 key whose algorithm keywarden does not name.
    case otherPKCS8 = "pkcs8"
    /// PKCS#8 `ENCRYPTED PRIVATE KEY`, or a legacy `Proc-Type: 4,ENCRYPTED` block.
    case encrypted
    /// An OpenSSH `openssh-key-v1` container (its key type is in `sshKeyType`).
    case openssh
    /// An OpenPGP secret-key block.
    case pgp
}
