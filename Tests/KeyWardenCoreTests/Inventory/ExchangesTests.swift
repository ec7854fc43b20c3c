import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenInventory
import Testing

/// The registry lists every exchange once, each exchange folder describes its own provider, and
/// the one permission table per exchange means the same thing on every path that reads it.
@Suite struct ExchangesTests {
    @Test func everyProviderHasOneDescriptorInProviderOrder() {
        #expect(Exchanges.all.map(\.provider) == Provider.allCases)
    }

    @Test(arguments: Provider.allCases)
    func aDescriptorIsForItsProviderAndSoIsItsConnector(provider: Provider) {
        let descriptor = Exchanges.descriptor(for: provider)
        #expect(descriptor.provider == provider)
        #expect(descriptor.connector.provider == provider)
        #expect(!descriptor.permissions.names.isEmpty)
    }

    /// Every raw name of every exchange, through a snapshot file, the policy linter's vocabulary and
    /// the live key mapping: all three grant what the table says.
    @Test(arguments: Provider.allCases)
    func everyRawNameMeansTheSameInSnapshotsPoliciesAndLiveKeys(provider: Provider) throws {
        let table = Exchanges.descriptor(for: provider).permissions
        for name in table.names {
            let granted = try #require(table.permissions(for: name))

            let snapshot = """
                {"provider": "\(provider.rawValue)", "account": "main", "fetchedAt": "2026-11-20T00:00:00Z",
                 "keys": [{"keyId": "k", "rawPermissions": ["\(name)"]}]}
                """
            let fromSnapshot = try InventorySnapshotFile.parse(snapshot, file: "s.json").snapshot.keys[0]
            #expect(fromSnapshot.permissions == granted, "\(provider) \(name) in a snapshot")

            #expect(Exchanges.permissionVocabulary.resolve(name, provider: provider) == granted, "\(provider) \(name) in a policy")

            if let live = try liveKey(provider, reporting: name) {
                // Bybit grants read to every key; the others grant only what the names say.
                let expected = provider == .bybit ? granted.union([.read]) : granted
                #expect(live.permissions == expected, "\(provider) \(name) from the live API")
                #expect(live.rawPermissions == [name])
            }
        }
    }

    /// The key-describing response of each exchange with one permission name in it, read by that
    /// exchange's key mapping. Nil for Gate, whose API does not report a live key's permissions.
    func liveKey(_ provider: Provider, reporting name: String) throws -> KeyRecord? {
        func json(_ object: [String: Any]) throws -> JSONCursor {
            try JSONCursor.parse(JSONSerialization.data(withJSONObject: object))
        }
        switch provider {
        case .okx:
            return try OKXKeyMapping.callingKey(json(["perm": name, "ip": ""]), keyId: "k", account: "main")
        case .binance:
            return try BinanceKeyMapping.callingKey(json(["ipRestrict": false, name: true]), keyId: "k", account: "main")
        case .bybit:
            return try BybitKeyMapping.key(json(["readOnly": 0, "apiKey": "k", "permissions": ["Group": [name]], "ips": ["*"]]),
                                           account: "main")
        case .kucoin:
            return try KuCoinKeyMapping.key(json(["apiKey": "k", "permission": name]), account: "main")
        case .coinbase:
            var fields: [String: Any] = ["can_view": false, "can_trade": false, "can_transfer": false]
            fields[name] = true
            return try CoinbaseKeyMapping.callingKey(json(fields), keyName: "k", account: "main")
        case .kraken:
            return try KrakenKeyMapping.key(json(["apiKey": "k", "permissions": [name]]), account: "main", now: Date())
        case .gate:
            return nil
        case .bitget:
            return try BitgetKeyMapping.callingKey(json(["authorities": [name]]), keyId: "k", account: "main")
        }
    }
}
