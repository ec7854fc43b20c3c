import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenSupport

/// The Python stand-in for the exchanges (Tests/Fixtures/exchange_test_server.py) on 127.0.0.1,
/// verifying signatures with the official SDKs. One per test process; it exits when our end of
/// its stdin closes, that is when the test process ends.
public final class LoopbackExchangeServer: @unchecked Sendable {
    private static let shared: Result<LoopbackExchangeServer, ServerError> = Result { () throws(ServerError) in try LoopbackExchangeServer() }

    public struct ServerError: Error, CustomStringConvertible { public let description: String }

    struct Greeting: Decodable {
        let port: Int
        let coinbase_private_key: String
        let oracles: [String: String]
    }

    public struct LoggedRequest: Decodable, Sendable {
        public let exchange: String
        public let key: String
        public let method: String
        public let path: String
        public let query: String
        public let verified: Bool
    }

    public let baseURL: URL
    public let coinbasePrivateKey: String
    public let oracles: [String: String]
    private let process: Process
    private let stdin: Pipe

    /// Tests/Fixtures/exchange_test_server.py, found from this file (Tests/KeyWardenTestSupport/).
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exchange_test_server.py").path

    private init() throws(ServerError) {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        // The server's stderr goes to a log file of its own (kept for a failing test to read),
        // never to the machine's /dev/null.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("keywarden-exchange-server-\(ProcessInfo.processInfo.processIdentifier).log").path
        FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        do { try process.run() } catch { throw ServerError(description: "cannot start python3 \(Self.script): \(error)") }
        // The first line announces the port; SDK installation on a clean machine can take a while.
        var line = Data()
        let handle = stdout.fileHandleForReading
        while !line.contains(0x0A) {
            let chunk = handle.availableData
            if chunk.isEmpty { throw ServerError(description: "the exchange test server exited before announcing its port") }
            line.append(chunk)
        }
        let first = line.prefix(upTo: line.firstIndex(of: 0x0A)!)
        guard let greeting = try? JSONDecoder().decode(Greeting.self, from: first) else {
            throw ServerError(description: "unexpected greeting from the test server: \(String(decoding: first, as: UTF8.self))")
        }
        baseURL = URL(string: "http://127.0.0.1:\(greeting.port)")!
        coinbasePrivateKey = greeting.coinbase_private_key
        oracles = greeting.oracles
    }

    public static func start() throws -> LoopbackExchangeServer { try shared.get() }

    /// Test credentials for the key `<provider>[-<tag>]-<scenario>`; the server knows the same secrets
    /// and keeps its per-key state (request log, first-request faults) apart for each tag.
    public func credentials(_ provider: Provider, _ scenario: String, tag: String? = nil) -> APICredentials {
        let secret: String
        switch provider {
        case .kraken: secret = Data("kraken-test-secret".utf8).base64EncodedString()
        case .coinbase: secret = coinbasePrivateKey
        default: secret = "test-secret-" + provider.rawValue
        }
        return APICredentials(provider: provider, apiKey: [provider.rawValue, tag, scenario].compactMap { $0 }.joined(separator: "-"), secret: secret,
                                   passphrase: provider.needsPassphrase ? "test-passphrase" : nil)
    }

    /// Every request the server saw for one API key.
    public func requests(key: String) async throws -> [LoggedRequest] {
        try await allRequests().filter { $0.key == key }
    }

    /// Every request the server saw, whatever the key.
    public func allRequests() async throws -> [LoggedRequest] {
        let response = try await CurlTransport().send(HTTPRequest(method: "GET", url: baseURL.appendingPathComponent("__log")), timeout: .seconds(5))
        return try JSONDecoder().decode([LoggedRequest].self, from: response.body)
    }

    /// Public requests (server time) the server saw for one exchange.
    public func publicRequests(exchange: String) async throws -> [LoggedRequest] {
        try await requests(key: "").filter { $0.exchange == exchange }
    }
}

extension LoopbackExchangeServer {
    /// Makes `credentials` (a key in the exchange's real format, as a scan finds it in a file)
    /// behave as the test key `<provider>-<scenario>`, signed with its own secret and passphrase.
    public func register(_ credentials: APICredentials, as scenario: String) async throws {
        try await register(key: credentials.apiKey, as: "\(credentials.provider.rawValue)-\(scenario)", secret: credentials.secret,
                           passphrase: credentials.passphrase)
    }

    /// Makes a service token (or an AWS access key id, with its secret) behave as the test key
    /// `as` (`github-ok`, `aws-badsig`, ...).
    public func register(key: String, as name: String, secret: String? = nil, passphrase: String? = nil) async throws {
        var alias: [String: String] = ["key": key, "as": name]
        if let secret { alias["secret"] = secret }
        if let passphrase { alias["passphrase"] = passphrase }
        let body = try JSONSerialization.data(withJSONObject: alias, options: [.sortedKeys])
        let response = try await CurlTransport().send(HTTPRequest(method: "POST", url: baseURL.appendingPathComponent("__alias"),
                                                                         headers: ["Content-Type": "application/json"], body: body),
                                                             timeout: .seconds(5))
        guard response.status == 200 else { throw ServerError(description: "alias not registered: HTTP \(response.status)") }
    }
}
