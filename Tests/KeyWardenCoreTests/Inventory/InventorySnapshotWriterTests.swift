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

@Suite struct InventorySnapshotWriterTests {
    let snapshot = InventorySnapshot(provider: .okx, account: "main", fetchedAt: Date(timeIntervalSince1970: 1_700_000_000), keys: [
        KeyRecord(provider: .okx, account: "main", subAccount: "sub2", keyId: "b", permissions: [.trade, .read], ips: ["2.2.2.2", "1.1.1.1"]),
        KeyRecord(provider: .okx, account: "main", keyId: "z", permissions: [.read], created: Date(timeIntervalSince1970: 1_600_000_000)),
    ])

    @Test func snapshotsAreStableSortedJSONWithISODates() throws {
        let text = String(decoding: try InventorySnapshotWriter.encode(snapshot), as: UTF8.self)
        #expect(text.contains(#""fetchedAt" : "2023-11-14T22:13:20Z""#))
        #expect(text.range(of: #""keyId" : "z""#)!.lowerBound < text.range(of: #""keyId" : "b""#)!.lowerBound)
        #expect(text.contains(#""1.1.1.1","#) || text.contains("\"1.1.1.1\",\n"))
        var reordered = snapshot
        reordered.keys.reverse()
        #expect(try InventorySnapshotWriter.encode(reordered) == InventorySnapshotWriter.encode(snapshot))
    }

    @Test func snapshotsDecodeBackWithAStandardISODecoder() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(InventorySnapshot.self, from: InventorySnapshotWriter.encode(snapshot))
        #expect(decoded.keys.count == 2)
        #expect(decoded.fetchedAt == snapshot.fetchedAt)
        #expect(decoded.keys.first { $0.keyId == "b" }?.ips == ["1.1.1.1", "2.2.2.2"])
    }
}

@Suite struct InventorySnapshotWriterFormatTests {
    @Test func theStableFormIsExactlyTheCodableFormOfTheSharedModel() throws {
        let key = KeyRecord(provider: .bybit, account: "main", subAccount: "s", keyId: "k", label: "l", permissions: [.trade], rawPermissions: ["SpotTrade"],
                            ips: ["10.0.0.1"], created: Date(timeIntervalSince1970: 1), lastUsed: Date(timeIntervalSince1970: 2),
                            expires: Date(timeIntervalSince1970: 3), status: .expired)
        let snapshot = InventorySnapshot(provider: .bybit, account: "main", fetchedAt: Date(timeIntervalSince1970: 4), keys: [key])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let plain = try JSONSerialization.jsonObject(with: encoder.encode(snapshot)) as? NSDictionary
        let stable = try JSONSerialization.jsonObject(with: InventorySnapshotWriter.encode(snapshot)) as? NSDictionary
        #expect(plain != nil && plain == stable)
    }
}
