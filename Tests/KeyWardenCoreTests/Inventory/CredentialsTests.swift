import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

@Suite struct CredentialsTests {
    let profileYAML = """
    profiles:
      okx-main:
        provider: okx
        api_key: okx-key
        api_secret: okx-secret-value
        passphrase: okx-passphrase-value
    """

    func file(_ text: String, mode: mode_t) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let path = try directory.write("credentials.yaml", text)
        chmod(path, mode)
        return (directory, path)
    }

    @Test func environmentVariablesNameTheProvider() throws {
        let resolver = CredentialsResolver(environment: ["KEYWARDEN_OKX_API_KEY": "k", "KEYWARDEN_OKX_API_SECRET": "s", "KEYWARDEN_OKX_PASSPHRASE": "p",
                                                         "HOME": "/nonexistent"])
        let credentials = try resolver.resolve(provider: .okx, account: nil, profile: nil)
        #expect(credentials == APICredentials(provider: .okx, apiKey: "k", secret: "s", passphrase: "p"))
    }

    @Test func missingCredentialsSayWhichVariablesToSet() {
        let resolver = CredentialsResolver(environment: ["HOME": "/nonexistent"])
        #expect {
            try resolver.resolve(provider: .kucoin, account: nil, profile: nil)
        } throws: { error in
            "\(error)".contains("KEYWARDEN_KUCOIN_API_KEY") && "\(error)".contains("KEYWARDEN_KUCOIN_PASSPHRASE")
        }
    }

    @Test func aProfileIsReadFromAnOwnerOnlyFile() throws {
        let (directory, path) = try file(profileYAML, mode: 0o600)
        _ = directory
        let resolver = CredentialsResolver(environment: [:], explicitFile: path)
        let credentials = try resolver.resolve(provider: .okx, account: nil, profile: "okx-main")
        #expect(credentials.apiKey == "okx-key")
        #expect(credentials.passphrase == "okx-passphrase-value")
    }

    @Test func theCredentialsFileDefaultsToKEYWARDEN_CREDENTIALS() throws {
        let resolver = CredentialsResolver(environment: ["KEYWARDEN_CREDENTIALS": "/x/creds.yaml", "HOME": "/home/u"])
        #expect(resolver.credentialsFile == "/x/creds.yaml")
        #expect(CredentialsResolver(environment: ["HOME": "/home/u"]).credentialsFile == "/home/u/.config/keywarden/credentials.yaml")
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660] as [mode_t])
    func aFileOthersCanReadIsRefused(mode: mode_t) throws {
        let (directory, path) = try file(profileYAML, mode: mode)
        _ = directory
        #expect(throws: CredentialsError.self) { try CredentialsFile.load(path: path) }
    }

    @Test func theRefusalNamesTheFixAndNoSecret() throws {
        let (directory, path) = try file(profileYAML, mode: 0o644)
        _ = directory
        #expect {
            try CredentialsFile.load(path: path)
        } throws: { error in
            "\(error)".contains("chmod 600") && !"\(error)".contains("okx-secret-value")
        }
    }

    @Test func aProfileForAnotherProviderIsRefused() throws {
        let (directory, path) = try file(profileYAML, mode: 0o600)
        _ = directory
        #expect(throws: CredentialsError.self) {
            try CredentialsResolver(environment: [:], explicitFile: path).resolve(provider: .binance, account: nil, profile: "okx-main")
        }
    }

    @Test func credentialsNeverDescribeTheirSecret() {
        let credentials = APICredentials(provider: .okx, apiKey: "k", secret: "super-secret", passphrase: "pass-secret")
        for text in ["\(credentials)", String(reflecting: credentials), FetchFailure(.okx, .authentication, "x").description] {
            #expect(!text.contains("super-secret") && !text.contains("pass-secret"))
        }
    }
}
