import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// The credentials YAML: named profiles, each with a provider, key, secret and optional passphrase.
///
/// ```yaml
/// profiles:
///   okx-main:
///     provider: okx
///     api_key: 0f6d…
///     api_secret: 8A3C…
///     passphrase: …
/// ```
/// keywarden reads it only when no one but its owner can read it (mode 0600 or stricter).
public struct CredentialsFile: Sendable {
    public struct Profile: Sendable {
        public let provider: Provider
        public let credentials: APICredentials
    }

    public let path: String
    public let profiles: [String: Profile]

    public static func load(path: String) throws -> CredentialsFile {
        try checkOwnerOnly(path)
        do {
            return try parse(path: path)
        } catch let error as DiagnosticError {
            throw DiagnosticError(error.diagnostics.map(withoutValues))
        }
    }

    static let fieldNames: Set<String> = ["profiles", "provider", "api_key", "api_secret", "passphrase"]

    /// A mistyped file can put a secret where a key name belongs (`api_secret 8A3C…` without the
    /// colon, or the secret as a key): errors keep their location but never quote what was written,
    /// except the file's own field names and the provider names.
    static func withoutValues(_ diagnostic: Diagnostic) -> Diagnostic {
        let known = fieldNames.union(Provider.allCases.map(\.rawValue))
        var message = ""
        var rest = Substring(diagnostic.message)
        while let open = rest.firstIndex(of: "'"), let close = rest[rest.index(after: open)...].firstIndex(of: "'") {
            let quoted = rest[rest.index(after: open)..<close]
            message += rest[..<open] + (known.contains(String(quoted)) ? "'\(quoted)'" : "(value not shown)")
            rest = rest[rest.index(after: close)...]
        }
        return Diagnostic(diagnostic.severity, at: diagnostic.location, message + rest)
    }

    static func parse(path: String) throws -> CredentialsFile {
        let root = try YAMLDocument.load(path: path)
        let fields = try root.fields(required: ["profiles"])
        var profiles: [String: Profile] = [:]
        for (key, value) in try fields.required("profiles").entries() {
            let name = try key.string()
            let entry = try value.fields(required: ["provider", "api_key", "api_secret"], optional: ["passphrase"])
            let provider = Provider(rawValue: try entry.required("provider").oneOf(Provider.allCases.map(\.rawValue)))!
            let credentials = APICredentials(provider: provider, apiKey: try entry.required("api_key").string(),
                                                  secret: try entry.required("api_secret").string(),
                                                  passphrase: try entry["passphrase"]?.string())
            profiles[name] = Profile(provider: provider, credentials: credentials)
        }
        return CredentialsFile(path: path, profiles: profiles)
    }

    public func has(profile: String, provider: Provider) -> Bool { profiles[profile]?.provider == provider }

    public func credentials(profile name: String, provider: Provider) throws -> APICredentials {
        guard let profile = profiles[name] else {
            throw CredentialsError.notFound("no profile '\(name)' in \(path)\(Suggestion.didYouMean(name, among: profiles.keys.sorted()))")
        }
        guard profile.provider == provider else {
            throw CredentialsError.notFound("profile '\(name)' in \(path) is for \(profile.provider.displayName), not \(provider.displayName)")
        }
        return profile.credentials
    }

    /// Refuses a file that its group or others can read or write, or that someone else owns:
    /// a secret others can read is already leaked.
    static func checkOwnerOnly(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CredentialsError.unreadable("cannot read credentials file \(path): \(String(cString: strerror(errno)))")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw CredentialsError.unsafePermissions(
                "refusing to read \(path): its mode is \(String(mode, radix: 8)), so others can read it; run `chmod 600 \(path)` (and rotate the keys if others could have read them)")
        }
        if info.st_uid != getuid() {
            throw CredentialsError.unsafePermissions("refusing to read \(path): it belongs to another user (uid \(info.st_uid))")
        }
    }
}
