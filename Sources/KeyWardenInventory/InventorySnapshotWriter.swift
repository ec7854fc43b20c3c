import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Writes a snapshot as `InventorySnapshotDocument` JSON, which the snapshot loader reads back.
public enum InventorySnapshotWriter {
    public static func encode(_ snapshot: InventorySnapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(InventorySnapshotDocument(snapshot))
        data.append(0x0A)
        return data
    }

    /// Writes atomically: a failed write never leaves half a snapshot behind.
    public static func write(_ snapshot: InventorySnapshot, to path: String) throws {
        try OutputFile.write(encode(snapshot), to: path)
    }
}
