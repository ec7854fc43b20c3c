import Crypto
import Foundation
import Synchronization

/// Identity of a finding that survives edits around it: rule id, a NUL byte and the secret, in
/// hex. Position-free, so a baseline keeps hiding a secret that moved.
///
/// Reports carry a redacted prefix and the length next to the fingerprint, so a plain hash of a
/// short secret can be brute-forced offline (a 6-character password fell in seconds). Once the
/// command line installs a key (`useKey`), fingerprints are HMAC-SHA-256 under that key, which
/// never leaves the machine (FingerprintKeyFile); without one they are plain SHA-256 (`plain`),
/// the format baselines held before keys existed.
public enum Fingerprint {
    private enum KeyState {
        case unkeyed
        case pending(@Sendable () -> [UInt8])
        case loaded([UInt8])
    }

    private static let state = Mutex<KeyState>(.unkeyed)

    /// Keys every later fingerprint with what `source` returns, read on first use (so commands
    /// that never fingerprint never touch the key file).
    public static func useKey(from source: @escaping @Sendable () -> [UInt8]) {
        state.withLock { $0 = .pending(source) }
    }

    private static var key: [UInt8]? {
        state.withLock { state in
            switch state {
            case .unkeyed: return nil
            case let .loaded(key): return key
            case let .pending(source):
                let key = source()
                state = .loaded(key)
                return key
            }
        }
    }

    /// The fingerprint of a secret: keyed when a key is installed.
    public static func of(rule: String, secret: String) -> String {
        guard let key else { return plain(rule: rule, secret: secret) }
        return keyed(rule: rule, secret: secret, key: key)
    }

    /// HMAC-SHA-256 of rule, NUL, secret under `key`, in hex.
    public static func keyed(rule: String, secret: String, key: [UInt8]) -> String {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
        mac.update(data: material(rule: rule, secret: secret))
        return mac.finalize().withUnsafeBytes { Array($0) }.hexString
    }

    /// Unkeyed SHA-256: identities that hold no secret (audit findings), and the fingerprints of
    /// baselines written before keys, which `Baseline.filter` still accepts.
    public static func plain(rule: String, secret: String) -> String {
        SHA256.hash(data: material(rule: rule, secret: secret)).hexString
    }

    private static func material(rule: String, secret: String) -> Data {
        Data(rule.utf8) + Data([0]) + Data(secret.utf8)
    }
}
