import KeyWardenSupport

/// A value read from a TOML file, with where it was written (for located errors).
public struct TOMLNode: Sendable {
    public indirect enum Value: Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case array([TOMLNode])
        case table(TOMLTable)
    }
    public let value: Value
    public let location: SourceLocation
    /// For a literal string written on one line ('...' or '''...'''): the column of its first
    /// character, so an error inside a regex can point at the exact character.
    public let literalContentColumn: Int?

    public func error(_ message: String) -> DiagnosticError { DiagnosticError(at: location, message) }
}

/// A TOML table: keys in the order written.
public struct TOMLTable: Sendable {
    public private(set) var keys: [String] = []
    public private(set) var entries: [String: TOMLNode] = [:]
    public subscript(key: String) -> TOMLNode? { entries[key] }
    mutating func set(_ key: String, _ node: TOMLNode) {
        if entries[key] == nil { keys.append(key) }
        entries[key] = node
    }
}

/// Reads the subset of TOML that gitleaks and betterleaks configs are written in: tables,
/// arrays of tables, dotted table names, bare and quoted keys, the four string forms, integers,
/// floats, booleans, arrays and inline tables. Dates are not supported (no such config uses them).
/// Every node keeps its line and column, which is why this is not TOMLKit (see Docs/gitleaks-config.md).
public struct TOMLReader {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    /// Arrays and inline tables open around the value being read: a config needs two or three,
    /// and a bound keeps a hostile file (`[[[[…`) from overflowing the stack.
    private var depth = 0
    static let maximumDepth = 32
    private var line = 1
    private var column = 1

    public static func parse(_ text: String, file: String) throws -> TOMLTable {
        var reader = TOMLReader(scalars: Array(text.unicodeScalars), file: file)
        return try reader.document()
    }

    private init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }
    private func fail(_ message: String, at location: SourceLocation? = nil) -> DiagnosticError {
        DiagnosticError(at: location ?? here, "TOML: \(message)")
    }
    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    private func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
    private func lookingAt(_ text: String) -> Bool {
        for (offset, scalar) in text.unicodeScalars.enumerated() where peek(offset) != scalar { return false }
        return true
    }
    @discardableResult private mutating func advance() -> Unicode.Scalar {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        return scalar
    }

    private mutating func skipSpaces() { while peek == " " || peek == "\t" { advance() } }
    private mutating func skipComment() { if peek == "#" { while let scalar = peek, scalar != "\n" { advance() } } }
    /// Spaces, comments and newlines (inside arrays and between statements).
    private mutating func skipBlank() {
        while true {
            skipSpaces(); skipComment()
            if peek == "\n" || peek == "\r" { advance() } else { return }
        }
    }
    private mutating func endOfLine() throws {
        skipSpaces(); skipComment()
        if peek == "\r" { advance() }
        guard peek == nil || peek == "\n" else { throw fail("expected the end of the line") }
    }

    private mutating func document() throws -> TOMLTable {
        var root = TOMLTable()
        var current: [PathStep] = []
        var defined = Set<String>()
        while true {
            skipBlank()
            guard let scalar = peek else { return root }
            if scalar == "[" {
                let start = here
                let isArray = peek(1) == "["
                advance(); if isArray { advance() }
                let names = try keyPath()
                skipSpaces()
                guard peek == "]", !isArray || peek(1) == "]" else { throw fail("expected ']' closing the table name") }
                advance(); if isArray { advance() }
                try endOfLine()
                let dotted = names.joined(separator: ".")
                if !isArray {
                    guard defined.insert(dotted).inserted else { throw fail("table [\(dotted)] is defined twice", at: start) }
                }
                current = try Self.open(&root, names, asArrayElement: isArray, at: start, file: file)
            } else {
                let start = here
                let names = try keyPath()
                skipSpaces()
                guard peek == "=" else { throw fail("expected '=' after the key") }
                advance(); skipSpaces()
                let node = try value()
                try endOfLine()
                try Self.assign(&root, path: current, keys: names, node: node, at: start)
            }
        }
    }

    /// How to reach the table that key/value lines go into: a key, and for arrays of tables the last element.
    private struct PathStep { let key: String; let arrayElement: Bool }

    private static func open(_ root: inout TOMLTable, _ names: [String], asArrayElement: Bool, at location: SourceLocation, file: String) throws -> [PathStep] {
        var steps: [PathStep] = []
        for (position, name) in names.enumerated() {
            let last = position == names.count - 1
            let existing = try lookup(root, steps)[name]
            if last && asArrayElement {
                var elements: [TOMLNode] = []
                if let existing {
                    guard case .array(let list) = existing.value else { throw DiagnosticError(at: location, "TOML: '\(name)' is not an array of tables") }
                    elements = list
                }
                elements.append(TOMLNode(value: .table(TOMLTable()), location: location, literalContentColumn: nil))
                try update(&root, steps) { $0.set(name, TOMLNode(value: .array(elements), location: existing?.location ?? location, literalContentColumn: nil)) }
                steps.append(PathStep(key: name, arrayElement: true))
            } else if let existing {
                switch existing.value {
                case .table: steps.append(PathStep(key: name, arrayElement: false))
                case .array(let list) where !list.isEmpty: steps.append(PathStep(key: name, arrayElement: true))
                default: throw DiagnosticError(at: location, "TOML: '\(name)' is already a value, not a table")
                }
            } else {
                try update(&root, steps) { $0.set(name, TOMLNode(value: .table(TOMLTable()), location: location, literalContentColumn: nil)) }
                steps.append(PathStep(key: name, arrayElement: false))
            }
        }
        return steps
    }

    private static func lookup(_ root: TOMLTable, _ steps: [PathStep]) throws -> TOMLTable {
        var table = root
        for step in steps {
            switch table[step.key]?.value {
            case .table(let inner)?: table = inner
            case .array(let list)?:
                guard case .table(let inner)? = list.last?.value else { fatalError("array of tables holds a value") }
                table = inner
            default: fatalError("table path broken")
            }
        }
        return table
    }

    private static func update(_ table: inout TOMLTable, _ steps: ArraySlice<PathStep>, _ change: (inout TOMLTable) throws -> Void) throws {
        guard let step = steps.first else { return try change(&table) }
        let node = table[step.key]!
        switch node.value {
        case .table(var inner):
            try update(&inner, steps.dropFirst(), change)
            table.set(step.key, TOMLNode(value: .table(inner), location: node.location, literalContentColumn: nil))
        case .array(var list):
            guard case .table(var inner) = list[list.count - 1].value else { fatalError("array of tables holds a value") }
            try update(&inner, steps.dropFirst(), change)
            list[list.count - 1] = TOMLNode(value: .table(inner), location: list[list.count - 1].location, literalContentColumn: nil)
            table.set(step.key, TOMLNode(value: .array(list), location: node.location, literalContentColumn: nil))
        default: fatalError("table path broken")
        }
    }
    private static func update(_ table: inout TOMLTable, _ steps: [PathStep], _ change: (inout TOMLTable) throws -> Void) throws {
        try update(&table, steps[...], change)
    }

    private static func assign(_ root: inout TOMLTable, path: [PathStep], keys: [String], node: TOMLNode, at location: SourceLocation) throws {
        try update(&root, path) { table in try set(&table, keys[...], node, at: location) }
    }
    private static func set(_ table: inout TOMLTable, _ keys: ArraySlice<String>, _ node: TOMLNode, at location: SourceLocation) throws {
        let key = keys.first!
        if keys.count == 1 {
            guard table[key] == nil else { throw DiagnosticError(at: location, "TOML: key '\(key)' is defined twice") }
            table.set(key, node)
            return
        }
        var inner = TOMLTable()
        if let existing = table[key] {
            guard case .table(let found) = existing.value else { throw DiagnosticError(at: location, "TOML: '\(key)' is already a value, not a table") }
            inner = found
        }
        try set(&inner, keys.dropFirst(), node, at: location)
        table.set(key, TOMLNode(value: .table(inner), location: table[key]?.location ?? location, literalContentColumn: nil))
    }

    private mutating func keyPath() throws -> [String] {
        var names: [String] = []
        repeat {
            if !names.isEmpty { advance() }
            skipSpaces()
            names.append(try key())
            skipSpaces()
        } while peek == "."
        return names
    }

    private mutating func key() throws -> String {
        if peek == "\"" || peek == "'" {
            guard case .string(let name) = try value().value else { throw fail("expected a key") }
            return name
        }
        var name = ""
        while let scalar = peek, scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
            name.unicodeScalars.append(advance())
        }
        guard !name.isEmpty else { throw fail("expected a key") }
        return name
    }

    private mutating func value() throws -> TOMLNode {
        let start = here
        guard let scalar = peek else { throw fail("expected a value") }
        if scalar == "[" || scalar == "{" {
            guard depth < Self.maximumDepth else { throw fail("arrays and inline tables nested deeper than \(Self.maximumDepth)") }
            depth += 1
        }
        defer { if scalar == "[" || scalar == "{" { depth -= 1 } }
        switch scalar {
        case "\"":
            if lookingAt("\"\"\"") { return TOMLNode(value: .string(try multilineBasic()), location: start, literalContentColumn: nil) }
            return TOMLNode(value: .string(try basic()), location: start, literalContentColumn: nil)
        case "'":
            if lookingAt("'''") {
                let text = try multilineLiteral()
                // Written on one line ('''regex''', the usual gitleaks form), it is as exact as '...'.
                return TOMLNode(value: .string(text), location: start, literalContentColumn: line == start.line ? start.column + 3 : nil)
            }
            advance()
            var text = ""
            while let next = peek, next != "'" {
                guard next != "\n" else { throw fail("unterminated string", at: start) }
                text.unicodeScalars.append(advance())
            }
            guard peek == "'" else { throw fail("unterminated string", at: start) }
            advance()
            return TOMLNode(value: .string(text), location: start, literalContentColumn: start.column + 1)
        case "[":
            advance()
            var elements: [TOMLNode] = []
            while true {
                skipBlank()
                if peek == "]" { advance(); break }
                elements.append(try value())
                skipBlank()
                if peek == "," { advance(); continue }
                guard peek == "]" else { throw fail("expected ',' or ']' in the array") }
            }
            return TOMLNode(value: .array(elements), location: start, literalContentColumn: nil)
        case "{":
            advance()
            var table = TOMLTable()
            skipSpaces()
            if peek == "}" { advance(); return TOMLNode(value: .table(table), location: start, literalContentColumn: nil) }
            while true {
                skipSpaces()
                let at = here
                let names = try keyPath()
                guard peek == "=" else { throw fail("expected '=' after the key") }
                advance(); skipSpaces()
                try Self.set(&table, names[...], try value(), at: at)
                skipSpaces()
                if peek == "," { advance(); continue }
                guard peek == "}" else { throw fail("expected ',' or '}' in the inline table") }
                advance()
                return TOMLNode(value: .table(table), location: start, literalContentColumn: nil)
            }
        default:
            var word = ""
            while let next = peek, !" \t\r\n,]}#".unicodeScalars.contains(next) { word.unicodeScalars.append(advance()) }
            if word == "true" { return TOMLNode(value: .bool(true), location: start, literalContentColumn: nil) }
            if word == "false" { return TOMLNode(value: .bool(false), location: start, literalContentColumn: nil) }
            let digits = word.replacingOccurrences(of: "_", with: "")
            if let number = Int(digits) { return TOMLNode(value: .integer(number), location: start, literalContentColumn: nil) }
            if let number = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                return TOMLNode(value: .float(number), location: start, literalContentColumn: nil)
            }
            throw fail("unsupported value '\(word)' (strings, numbers, booleans, arrays and inline tables are read)", at: start)
        }
    }

    private mutating func escape() throws -> Unicode.Scalar? {
        let at = here
        advance() // backslash
        guard let code = peek else { throw fail("unterminated escape") }
        advance()
        switch code {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{8}"
        case "f": return "\u{C}"
        case "e": return "\u{1B}"
        case "u", "U":
            var hex = ""
            for _ in 0..<(code == "u" ? 4 : 8) { guard peek != nil else { break }; hex.unicodeScalars.append(advance()) }
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { throw fail("invalid unicode escape", at: at) }
            return scalar
        default:
            throw fail("invalid escape '\\\(code)' in a double-quoted string (a regex is easier to write in single quotes)", at: at)
        }
    }

    private mutating func basic() throws -> String {
        let start = here
        advance()
        var text = ""
        while let scalar = peek, scalar != "\"" {
            guard scalar != "\n" else { throw fail("unterminated string", at: start) }
            if scalar == "\\" { if let decoded = try escape() { text.unicodeScalars.append(decoded) } } else { text.unicodeScalars.append(advance()) }
        }
        guard peek == "\"" else { throw fail("unterminated string", at: start) }
        advance()
        return text
    }

    /// Steps over a multi-line string's opening quotes and the line break right after them,
    /// which is not part of the string; returns where the string started.
    private mutating func openMultiline() -> SourceLocation {
        let start = here
        advance(); advance(); advance()
        if peek == "\r" { advance() }
        if peek == "\n" { advance() }
        return start
    }

    private mutating func multilineBasic() throws -> String {
        let start = openMultiline()
        var text = ""
        while true {
            guard let scalar = peek else { throw fail("unterminated string", at: start) }
            if lookingAt("\"\"\"") && peek(3) != "\"" { advance(); advance(); advance(); return text }
            if scalar == "\\" {
                var probe = 1
                while peek(probe) == " " || peek(probe) == "\t" || peek(probe) == "\r" { probe += 1 }
                if peek(probe) == "\n" {
                    advance()
                    while let next = peek, " \t\r\n".unicodeScalars.contains(next) { advance() }
                    continue
                }
                if let decoded = try escape() { text.unicodeScalars.append(decoded) }
            } else {
                text.unicodeScalars.append(advance())
            }
        }
    }

    private mutating func multilineLiteral() throws -> String {
        let start = openMultiline()
        var text = ""
        while true {
            guard peek != nil else { throw fail("unterminated string", at: start) }
            if lookingAt("'''") && peek(3) != "'" { advance(); advance(); advance(); return text }
            text.unicodeScalars.append(advance())
        }
    }
}
