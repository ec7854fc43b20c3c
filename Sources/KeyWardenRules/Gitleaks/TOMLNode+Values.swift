import KeyWardenSupport

/// Typed reads of TOML values; a wrong type is an error at the value.
extension TOMLNode {
    var kind: String {
        switch value {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .bool: "a boolean"
        case .array: "an array"
        case .table: "a table"
        }
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw error("expected a string, found \(kind)") }
        return text
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw error("expected true or false, found \(kind)") }
        return flag
    }

    func integer() throws -> Int {
        guard case .integer(let number) = value else { throw error("expected an integer, found \(kind)") }
        return number
    }

    func number() throws -> Double {
        switch value {
        case .integer(let number): return Double(number)
        case .float(let number): return number
        default: throw error("expected a number, found \(kind)")
        }
    }

    func array() throws -> [TOMLNode] {
        guard case .array(let list) = value else { throw error("expected an array, found \(kind)") }
        return list
    }

    func table() throws -> TOMLTable {
        guard case .table(let table) = value else { throw error("expected a table, found \(kind)") }
        return table
    }

    func stringList() throws -> [String] { try array().map { try $0.string() } }

    /// A table's entries, every key checked against `known` (a typo is an error with a suggestion).
    func fields(_ known: [String], in what: String) throws -> TOMLTable {
        let table = try table()
        for key in table.keys where !known.contains(key) {
            throw DiagnosticError(at: table[key]!.location,
                                  "unknown key '\(key)' in \(what)\(Suggestion.didYouMean(key, among: known))")
        }
        return table
    }

    /// A table, or an array of tables (`[x]` and `[[x]]` are both accepted where gitleaks takes either).
    func tables() throws -> [TOMLNode] {
        switch value {
        case .table: return [self]
        case .array(let list): return list
        default: throw error("expected a table, found \(kind)")
        }
    }
}
