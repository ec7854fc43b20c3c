import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Finds the credentials for one provider account: environment variables
/// `KEYWARDEN_<PROVIDER>_API_KEY`, `_API_SECRET`, `_PASSPHRASE`, or a named profile in the
/// credentials file. Never from command-line arguments: they show up in `ps` and shell history.
public struct CredentialsResolver: Sendable {
    public let environment: [String: String]
    /// `--credentials FILE`, when given.
    public let explicitFile: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, explicitFile: String? = nil) {
        self.environment = environment
        self.explicitFile = explicitFile
    }

    /// `--credentials`, else `KEYWARDEN_CREDENTIALS`, else `~/.config/keywarden/credentials.yaml`
    /// (`$XDG_CONFIG_HOME/keywarden/credentials.yaml` when that is set).
    public var credentialsFile: String {
        if let explicitFile { return explicitFile }
        if let path = environment["KEYWARDEN_CREDENTIALS"], !path.isEmpty { return path }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/keywarden/credentials.yaml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/keywarden/credentials.yaml"
    }

    public static func environmentPrefix(_ provider: Provider) -> String { "KEYWARDEN_\(provider.rawValue.uppercased())_" }

    /// A named profile when `profile` is given; otherwise the environment; otherwise a profile
    /// named after the account or the provider, when the file has one.
    public func resolve(provider: Provider, account: String?, profile: String?) throws -> APICredentials {
        if let profile { return try CredentialsFile.load(path: credentialsFile).credentials(profile: profile, provider: provider) }
        if let credentials = fromEnvironment(provider) { return credentials }
        if FileManager.default.fileExists(atPath: credentialsFile) {
            let file = try CredentialsFile.load(path: credentialsFile)
            for name in [account, provider.rawValue].compactMap({ $0 }) where file.has(profile: name, provider: provider) {
                return try file.credentials(profile: name, provider: provider)
            }
        }
        let prefix = Self.environmentPrefix(provider)
        throw CredentialsError.notFound("no credentials for \(provider.displayName): set \(prefix)API_KEY and \(prefix)API_SECRET"
            + (provider.needsPassphrase ? " and \(prefix)PASSPHRASE" : "") + ", or name a profile of \(credentialsFile) with --profile")
    }

    func fromEnvironment(_ provider: Provider) -> APICredentials? {
        let prefix = Self.environmentPrefix(provider)
        guard let key = environment[prefix + "API_KEY"], !key.isEmpty, let secret = environment[prefix + "API_SECRET"], !secret.isEmpty else {
            return nil
        }
        let passphrase = environment[prefix + "PASSPHRASE"].flatMap { $0.isEmpty ? nil : $0 }
        return APICredentials(provider: provider, apiKey: key, secret: secret, passphrase: passphrase)
    }
}

/// Why credentials could not be read. Messages name files and profiles, never secret values.
public enum CredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case unsafePermissions(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .notFound(let message), .unsafePermissions(let message), .unreadable(let message): message
        }
    }
}

extension Provider {
    /// OKX, KuCoin and Bitget keys come with a passphrase chosen by the user.
    public var needsPassphrase: Bool { [.okx, .kucoin, .bitget].contains(self) }
}

extension CredentialsError: ClassifiedError {
    /// Missing or unsafe credentials are for the user to fix.
    public var failureClass: FailureClass { .usage }
}
