import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// A decoded JSON document, read by the provider mappings with paths in every error, so a
/// malformed response says which field was wrong instead of "data couldn't be read".
public indirect enum JSONValue: Sendable, Hashable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public static func parse(_ data: Data) throws(MalformedResponse) -> JSONValue {
        // A second `perm` or `ips` would silently replace the first: refuse the response instead.
        if let duplicate = JSONDuplicateKeys.first(in: data) {
            throw MalformedResponse(path: "$", "body repeats a key (\(duplicate))")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            let preview = String(decoding: data.prefix(60), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw MalformedResponse(path: "$", "body is not JSON (starts with \"\(preview)\")")
        }
    }
}

extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

/// A located view of a JSON value: reading a field that is missing or of the wrong type throws
/// with the path to it (`data[0].perm`).
public struct JSONCursor: Sendable {
    public let value: JSONValue
    public let path: String

    public init(_ value: JSONValue, path: String = "$") {
        self.value = value
        self.path = path
    }

    public static func parse(_ data: Data) throws(MalformedResponse) -> JSONCursor { JSONCursor(try JSONValue.parse(data)) }

    public func optional(_ key: String) -> JSONCursor? {
        guard case .object(let fields) = value, let field = fields[key], field != .null else { return nil }
        return JSONCursor(field, path: path + "." + key)
    }

    public func field(_ key: String) throws(MalformedResponse) -> JSONCursor {
        guard case .object = value else { throw MalformedResponse(path: path, "expected an object") }
        guard let field = optional(key) else { throw MalformedResponse(path: path + "." + key, "missing") }
        return field
    }

    public func array() throws(MalformedResponse) -> [JSONCursor] {
        guard case .array(let items) = value else { throw MalformedResponse(path: path, "expected an array") }
        return items.enumerated().map { JSONCursor($0.element, path: "\(path)[\($0.offset)]") }
    }

    public func string() throws(MalformedResponse) -> String {
        guard case .string(let text) = value else { throw MalformedResponse(path: path, "expected a string") }
        return text
    }

    /// A string, or a number written as text (exchanges mix both for ids and timestamps).
    public func text() throws(MalformedResponse) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number):
            // Whole numbers as integers (ids), but only where Int64 holds them: 1e30 stays 1e+30.
            return number.rounded() == number && number.magnitude < 9.2e18 ? String(Int64(number)) : String(number)
        case .bool(let flag): return String(flag)
        default: throw MalformedResponse(path: path, "expected a string or number")
        }
    }

    /// A finite number (a number, or one written as text: "inf" and "nan" are not numbers here).
    public func number() throws(MalformedResponse) -> Double {
        switch value {
        case .number(let number) where number.isFinite: return number
        case .string(let text):
            guard let number = Double(text), number.isFinite else { throw MalformedResponse(path: path, "expected a number, got \"\(text)\"") }
            return number
        default: throw MalformedResponse(path: path, "expected a number")
        }
    }

    /// Instants between the epoch and the year 9999; anything later is a broken or hostile server.
    static let latestInstant: TimeInterval = 253_402_300_799

    private func instant(_ seconds: Double) throws(MalformedResponse) -> Date? {
        guard seconds > 0 else { return nil }
        guard seconds <= Self.latestInstant else { throw MalformedResponse(path: path, "instant out of range: \(seconds) s after the epoch") }
        return Date(timeIntervalSince1970: seconds)
    }

    /// true/false, 1/0 or "true"/"false" (Bybit's `readOnly` is 0/1 in one endpoint, a bool in another).
    public func flag() throws(MalformedResponse) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .number(let number) where number == 0 || number == 1: return number == 1
        case .string("true"), .string("1"): return true
        case .string("false"), .string("0"): return false
        default: throw MalformedResponse(path: path, "expected true/false or 1/0")
        }
    }

    public func stringList() throws(MalformedResponse) -> [String] {
        try array().map { item throws(MalformedResponse) in try item.text() }
    }

    /// An instant in epoch milliseconds (number or string); 0 means none.
    public func epochMilliseconds() throws(MalformedResponse) -> Date? {
        try instant(try number() / 1000)
    }

    /// An instant in epoch seconds (number or string); 0 means none.
    public func epochSeconds() throws(MalformedResponse) -> Date? {
        try instant(try number())
    }

    /// An ISO 8601 instant; the Unix epoch means none.
    public func iso8601() throws(MalformedResponse) -> Date? {
        let text = try string()
        if text.isEmpty { return nil }
        let date = (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        guard let date else { throw MalformedResponse(path: path, "expected an ISO 8601 date, got \"\(text)\"") }
        return date.timeIntervalSince1970 > 0 ? date : nil
    }
}

/// A response that does not have the documented shape.
public struct MalformedResponse: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let problem: String

    public init(path: String, _ problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}


enum CommaList {
    static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
