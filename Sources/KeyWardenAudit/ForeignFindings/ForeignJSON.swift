import KeyWardenInventory

/// Lenient reading of other tools' JSON: a field of the wrong type reads as absent, so one odd
/// record does not lose a report.
extension JSONValue {
    subscript(_ key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }

    var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        default: nil
        }
    }

    var integer: Int? {
        switch self {
        case .number(let value) where value.isFinite && abs(value) < 1e9: Int(value)
        case .string(let value): Int(value)
        default: nil
        }
    }

    var items: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    var fields: [String: JSONValue]? {
        guard case .object(let fields) = self else { return nil }
        return fields
    }

    /// Every string anywhere below this value (SARIF `properties`, TruffleHog `ExtraData`).
    var allStrings: [String] {
        switch self {
        case .string(let value): [value]
        case .array(let items): items.flatMap(\.allStrings)
        case .object(let fields): fields.keys.sorted().flatMap { fields[$0]!.allStrings }
        default: []
        }
    }
}
