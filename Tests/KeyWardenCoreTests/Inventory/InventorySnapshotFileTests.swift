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

@Suite struct InventorySnapshotFileTests {
    @Test func readsJSONSnapshotWithoutRepeatingProviderAndAccount() throws {
        let json = """
        {"provider": "okx", "account": "main", "fetchedAt": "2026-11-19T23:00:00Z",
         "keys": [{"keyId": "k1", "label": "bot", "permissions": ["read", "trade"], "ips": ["203.0.113.5"],
                   "created": "2026-09-01T09:30:00Z", "lastUsed": "2026-11-19T10:00:00.250Z", "status": "active"}]}
        """
        let file = try InventorySnapshotFile.parse(json, file: "okx.json")
        let key = try #require(file.snapshot.keys.first)
        #expect(file.snapshot.provider == .okx)
        #expect(key.provider == .okx && key.account == "main")
        #expect(key.permissions == [.read, .trade])
        #expect(key.created == date("2026-09-01T09:30:00Z"))
        #expect(key.lastUsed == date("2026-11-19T10:00:00.250Z"))
        #expect(file.keyLocations["k1"]?.line == 2)
    }

    @Test func readsYAMLSnapshot() throws {
        let yaml = """
        provider: bybit
        account: main
        fetchedAt: 2026-11-19T23:00:00Z
        keys:
          - keyId: k1
            subAccount: risk
            rawPermissions: [ReadOnly]
            expires: 2026-11-28
        """
        let key = try #require(try InventorySnapshotFile.parse(yaml, file: "bybit.yaml").snapshot.keys.first)
        #expect(key.subAccount == "risk")
        #expect(key.expires == date("2026-11-28"))
        #expect(key.status == .active)
    }

    @Test func permissionsAreDerivedFromTheProviderRawNames() throws {
        let json = """
        {"provider": "binance", "account": "main", "fetchedAt": "2026-11-19T23:00:00Z",
         "keys": [{"keyId": "k1", "rawPermissions": ["enableReading", "enableSpotAndMarginTrading", "enableWithdrawals"]}]}
        """
        let key = try #require(try InventorySnapshotFile.parse(json, file: "b.json").snapshot.keys.first)
        #expect(key.permissions == [.read, .trade, .withdraw])
        #expect(key.rawPermissions == ["enableReading", "enableSpotAndMarginTrading", "enableWithdrawals"])
    }

    @Test func unknownRawPermissionIsAnErrorAtItsPosition() {
        let json = "{\"provider\": \"okx\", \"account\": \"main\", \"fetchedAt\": \"2026-11-19T23:00:00Z\",\n"
            + " \"keys\": [{\"keyId\": \"k1\", \"rawPermissions\": [\"read_only\", \"admin\"]}]}"
        let error = #expect(throws: InventoryFileError.self) { try InventorySnapshotFile.parse(json, file: "o.json") }
        #expect(error?.diagnostics.map(\.description)
                == ["o.json:2:59: error: 'admin' is not a OKX permission name; give `permissions` explicitly"])
    }

    @Test func malformedJSONIsAnInventoryError() {
        let error = #expect(throws: InventoryFileError.self) {
            try InventorySnapshotFile.parse("{\"provider\": \"okx\", \"keys\": [", file: "broken.json")
        }
        #expect(error?.diagnostics.first?.location.file == "broken.json")
    }

    @Test func missingFieldIsAnInventoryError() {
        let error = #expect(throws: InventoryFileError.self) {
            try InventorySnapshotFile.parse("provider: okx\naccount: main\nkeys: []\n", file: "s.yaml")
        }
        #expect(error?.diagnostics.map(\.description) == ["s.yaml:1:1: error: missing required key 'fetchedAt'"])
    }

    @Test func unreadableFileIsAnInventoryError() {
        #expect(throws: InventoryFileError.self) { try InventorySnapshotFile.load(path: "/nonexistent/keywarden/okx.json") }
    }

    @Test func duplicateKeyIdsAreAnError() {
        let yaml = "provider: okx\naccount: main\nfetchedAt: 2026-11-19\nkeys:\n  - {keyId: k1, permissions: [read]}\n  - {keyId: k1, permissions: [read]}\n"
        let error = #expect(throws: InventoryFileError.self) { try InventorySnapshotFile.parse(yaml, file: "d.yaml") }
        #expect(error?.diagnostics.first?.message == "duplicate key id 'k1' (first listed at d.yaml:5:5)")
    }

    @Test func keyOfAnotherAccountIsAnError() {
        let yaml = "provider: okx\naccount: main\nfetchedAt: 2026-11-19\nkeys:\n  - {keyId: k1, account: other, permissions: [read]}\n"
        #expect(throws: InventoryFileError.self) { try InventorySnapshotFile.parse(yaml, file: "a.yaml") }
    }

    @Test func encodedSnapshotReadsBackTheSame() throws {
        let snapshot = InventorySnapshot(provider: .kraken, account: "main", fetchedAt: date("2026-11-19T23:00:00Z"), keys: [
            keyRecord("k2", provider: .kraken, permissions: [.read, .withdraw], lastUsed: date("2026-11-01T00:00:00Z")),
            keyRecord("k1", provider: .kraken, subAccount: "sub", label: nil, ips: [], expires: date("2027-01-01T00:00:00Z"), status: .disabled),
        ])
        let text = String(decoding: try InventorySnapshotWriter.encode(snapshot), as: UTF8.self)
        let read = try InventorySnapshotFile.parse(text, file: "k.json").snapshot
        #expect(read.keys.sorted { $0.keyId < $1.keyId } == snapshot.keys.sorted { $0.keyId < $1.keyId })
        #expect(read.fetchedAt == snapshot.fetchedAt)
    }

    @Test func everySampleSnapshotLoads() throws {
        for name in ["okx-main", "binance-main", "bybit-main", "gate-main"] {
            let file = try InventorySnapshotFile.load(path: "\(PackagePaths.root)/Samples/inventory/\(name).json")
            #expect(!file.snapshot.keys.isEmpty)
        }
    }
}

@Suite struct PermissionVocabularyTests {
    let vocabulary = Exchanges.permissionVocabulary

    @Test func rawNamesNormaliseIgnoringCase() {
        #expect(vocabulary.table(for: .okx).permissions(for: "read_only") == [.read])
        #expect(vocabulary.table(for: .bybit).permissions(for: "spottrade") == [.trade])
        #expect(vocabulary.table(for: .kucoin).permissions(for: "Transfer") == [.withdraw])
        #expect(vocabulary.table(for: .bybit).permissions(for: "withdraw") == [.withdraw])
        #expect(vocabulary.table(for: .okx).permissions(for: "SpotTrade") == nil)
    }

    @Test func normalisedNamesResolveOnlyWhereTheProviderHasThem() {
        #expect(vocabulary.resolve("transfer", provider: .binance) == [.transfer])
        #expect(vocabulary.resolve("transfer", provider: .okx) == nil)
    }

    @Test func everyProviderCanReadAndTrade() {
        for provider in Provider.allCases {
            #expect(vocabulary.table(for: provider).supported.isSuperset(of: [.read, .trade]), "\(provider)")
        }
    }

    @Test func aNameAnExchangeAddedIsNeverReadAsHarmless() {
        #expect(vocabulary.table(for: .okx).permissions(forReported: "block_trade") == [.trade])
        #expect(vocabulary.table(for: .bybit).permissions(forReported: "FiatWithdraw") == [.withdraw])
        #expect(vocabulary.table(for: .kraken).permissions(forReported: "query-open-trades") == [.read])
        #expect(vocabulary.table(for: .bitget).permissions(forReported: "sotw") == [.trade])
        #expect(vocabulary.table(for: .bitget).permissions(forReported: "wotw") == [.transfer])
    }
}
