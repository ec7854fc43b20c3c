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
import Testing

/// Connectors are read-only by construction: they declare their endpoints, the declarations
/// are all reads, and the session refuses anything else before it reaches the network.
@Suite struct ReadOnlyEndpointTests {
    @Test(arguments: Provider.allCases)
    func everyDeclaredEndpointIsARead(provider: Provider) {
        let endpoints = Exchanges.descriptor(for: provider).connector.allowedEndpoints
        #expect(!endpoints.isEmpty)
        for endpoint in endpoints {
            #expect(endpoint.isRead, "\(provider.displayName) declares \(endpoint)")
            #expect(endpoint.method == "GET" || endpoint == .krakenGetApiKeyInfo)
        }
    }

    @Test func onlyKrakensKeyInfoPostCountsAsARead() {
        #expect(ReadEndpoint.krakenGetApiKeyInfo.isRead)
        #expect(!ReadEndpoint(method: "POST", path: "/0/private/AddOrder").isRead)
        #expect(!ReadEndpoint(method: "POST", path: "/api/v5/trade/order").isRead)
        #expect(!ReadEndpoint(method: "DELETE", path: "/api/v1/orders").isRead)
    }

    @Test func theSessionRefusesAnUndeclaredEndpointWithoutSendingIt() async throws {
        let transport = CountingTransport()
        let session = ExchangeSession(provider: .okx, baseURL: URL(string: "http://127.0.0.1:9")!, allowedEndpoints: OKXConnector.allowedEndpoints,
                                      transport: transport, policy: .standard)
        let order = RequestParts(endpoint: ReadEndpoint(method: "POST", path: "/api/v5/trade/order"))
        await #expect(throws: FetchFailure.self) {
            try await session.send(order, sign: { parts, _ in parts }, classify: { .success($0.body) })
        }
        #expect(transport.count == 0)
    }
}

/// Counts requests and answers none; for checks that nothing was sent.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent = 0
    var count: Int { lock.withLock { sent } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws(TransportError) -> HTTPResponse {
        lock.withLock { sent += 1 }
        throw .unreachable("counting transport sends nothing")
    }
}
