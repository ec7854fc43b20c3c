import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReport
import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// `keywarden inventory fetch` end to end: the built binary against the loopback exchange server.
@Suite(.timeLimit(.minutes(3)))
struct InventoryFetchCommandTests {
    /// Runs keywarden with only the given environment (plus PATH and a HOME without credentials).
    func keywarden(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIHarness.Outcome {
        try CLIHarness.run(arguments, environment: ["HOME": "/nonexistent"].merging(environment) { $1 }, inheritEnvironment: false)
    }

    func environment(_ credentials: APICredentials) -> [String: String] {
        let prefix = "KEYWARDEN_\(credentials.provider.rawValue.uppercased())_"
        var environment = [prefix + "API_KEY": credentials.apiKey, prefix + "API_SECRET": credentials.secret]
        if let passphrase = credentials.passphrase { environment[prefix + "PASSPHRASE"] = passphrase }
        return environment
    }

    func fetch(_ provider: Provider, _ scenario: String, extra: [String] = [], output: String? = nil) throws -> (CLIHarness.Outcome, APICredentials) {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(provider, scenario, tag: "cli")
        var arguments = ["inventory", "fetch", "--provider", provider.rawValue, "--account", "main", "--endpoint", server.baseURL.absoluteString,
                         "--timeout", "3", "--max-attempts", "2"] + extra
        if let output { arguments += ["--output", output] }
        return (try keywarden(arguments, environment: environment(credentials)), credentials)
    }

    @Test(arguments: Provider.allCases)
    func aSuccessfulFetchWritesASnapshotAndExitsZero(provider: Provider) throws {
        let directory = try TemporaryDirectory()
        let output = directory.path + "/snapshot.json"
        let (run, _) = try fetch(provider, "ok", extra: ["--now", "2026-11-20T08:00:00Z"], output: output)
        #expect(run.status == 0, "\(run.stderr)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let snapshot = try decoder.decode(InventorySnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(snapshot.provider == provider)
        #expect(snapshot.account == "main")
        #expect(snapshot.fetchedAt == Date(timeIntervalSince1970: 1_795_161_600))
        #expect(!snapshot.keys.isEmpty)
    }

    @Test func theSameAccountStateGivesTheSameBytes() throws {
        let (first, _) = try fetch(.okx, "ok", extra: ["--now", "2026-11-20T08:00:00Z"])
        let (second, _) = try fetch(.okx, "ok", extra: ["--now", "2026-11-20T08:00:00Z"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains(#""subAccount" : "sub1""#))
    }

    @Test(arguments: Provider.allCases)
    func anInvalidSignatureExitsThreeNamingTheAccountAndWritesNothing(provider: Provider) throws {
        let directory = try TemporaryDirectory()
        let output = directory.path + "/snapshot.json"
        let (run, _) = try fetch(provider, "badsig", output: output)
        #expect(run.status == 3)
        #expect(run.stderr.contains("keywarden: error: cannot fetch \(provider.rawValue) account 'main': \(provider.displayName)"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func okxIPRejectionReadsAsAnInstruction() throws {
        let (run, _) = try fetch(.okx, "ipdenied")
        #expect(run.status == 3)
        #expect(run.stderr.contains("okx account 'main': OKX 50110: this key is not allowed from this IP"))
    }

    @Test(arguments: Provider.allCases)
    func aRateLimitFollowedBySuccessExitsZero(provider: Provider) throws {
        let (run, _) = try fetch(provider, "ratelimit")
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test(arguments: [Provider.okx, .kraken, .coinbase])
    func aTimeoutExitsThree(provider: Provider) throws {
        let (run, _) = try fetch(provider, "timeout", extra: ["--max-attempts", "1", "--timeout", "0.3"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("no response within"))
    }

    @Test(arguments: [Provider.binance, .gate, .bitget])
    func aMalformedBodyExitsThree(provider: Provider) throws {
        let (run, _) = try fetch(provider, "malformed")
        #expect(run.status == 3)
        #expect(run.stderr.contains("malformed response"))
    }

    @Test(arguments: [Provider.okx, .kucoin, .coinbase, .kraken])
    func verboseOutputNeverContainsASecret(provider: Provider) throws {
        for scenario in ["ok", "badsig"] {
            let (run, credentials) = try fetch(provider, scenario, extra: ["--verbose"])
            #expect(run.stderr.contains("GET") || run.stderr.contains("POST"))
            for secret in credentials.secretValues {
                let probe = secret.count > 40 ? String(secret.dropFirst(31).prefix(24)) : secret  // a line from inside a PEM
                #expect(!run.stdout.contains(probe) && !run.stderr.contains(probe), "\(provider.displayName) \(scenario) leaked a secret")
            }
            #expect(!run.stderr.contains("signature="))
        }
    }

    @Test func missingCredentialsExitTwoAndNameTheVariables() throws {
        let run = try keywarden(["inventory", "fetch", "--provider", "okx"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("KEYWARDEN_OKX_API_KEY"))
    }

    @Test func aCredentialsFileOthersCanReadIsRefusedWithExitTwo() throws {
        let directory = try TemporaryDirectory()
        let file = URL(fileURLWithPath: directory.path + "/credentials.yaml")
        try "profiles:\n  main:\n    provider: okx\n    api_key: k\n    api_secret: s3cr3t-value\n    passphrase: p\n".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o644)
        let run = try keywarden(["inventory", "fetch", "--provider", "okx", "--profile", "main", "--credentials", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("chmod 600"))
        #expect(!run.stderr.contains("s3cr3t-value"))
    }

    @Test func aProfileFromAnOwnerOnlyFileSignsTheRequests() throws {
        let server = try LoopbackExchangeServer.start()
        let credentials = server.credentials(.bitget, "ok", tag: "cli")
        let directory = try TemporaryDirectory()
        let file = URL(fileURLWithPath: directory.path + "/credentials.yaml")
        try """
        profiles:
          trading:
            provider: bitget
            api_key: \(credentials.apiKey)
            api_secret: \(credentials.secret)
            passphrase: \(credentials.passphrase!)

        """.write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o600)
        let run = try keywarden(["inventory", "fetch", "--provider", "bitget", "--profile", "trading", "--endpoint", server.baseURL.absoluteString],
                                environment: ["KEYWARDEN_CREDENTIALS": file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""account" : "trading""#))
    }

    @Test func credentialsAreNotAcceptedAsArguments() throws {
        let run = try keywarden(["inventory", "fetch", "--provider", "okx", "--api-secret", "x"])
        #expect(run.status == 2)
    }
}

@Suite struct InventoryFetchCommandUsageTests {
    @Test func plainHTTPToAnotherHostIsAUsageError() throws {
        let outcome = try CLIHarness.run(["inventory", "fetch", "--provider", "okx", "--endpoint", "http://proxy.example"],
                                         environment: ["KEYWARDEN_OKX_API_KEY": "k", "KEYWARDEN_OKX_API_SECRET": "s",
                                                       "KEYWARDEN_OKX_PASSPHRASE": "p", "HOME": "/nonexistent"],
                                         inheritEnvironment: false)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("https"))
    }
}
