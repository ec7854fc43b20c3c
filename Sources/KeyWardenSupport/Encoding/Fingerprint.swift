import Crypto
import Foundation

/// Identity of a finding that survives edits around it: SHA-256 over rule id, a NUL byte and the
/// secret, in hex. Position-free, so a baseline keeps hiding a secret that moved.
public enum Fingerprint {
    public static func of(rule: String, secret: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(rule.utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: Data(secret.utf8))
        return hasher.finalize().hexString
    }
}
