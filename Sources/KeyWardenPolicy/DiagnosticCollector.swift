import KeyWardenSupport
/// Gathers every problem in a file instead of stopping at the first, so one lint run shows
/// them all. Reads through `YAMLNode`'s typed accessors and keeps their located errors.
struct DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []
    let file: String

    init(file: String) { self.file = file }

    mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The body's value, or nil with its diagnostics recorded.
    mutating func attempt<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        } catch {
            add(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)"))
        }
        return nil
    }

    /// The mapping's values by key. Unknown keys and missing required keys are recorded (with a
    /// did-you-mean suggestion for the former) and reading goes on.
    mutating func fields(_ node: YAMLNode, _ schema: [PolicyFormat.Field], in what: String) -> [String: YAMLNode]? {
        guard let entries = attempt({ try node.entries() }) else { return nil }
        let known = schema.map(\.name)
        var values: [String: YAMLNode] = [:]
        for (key, value) in entries {
            guard let name = attempt({ try key.string() }) else { continue }
            if known.contains(name) {
                values[name] = value
            } else {
                add(key.diagnostic(.error, "unknown key '\(name)' in \(what)\(Suggestion.didYouMean(name, among: known))"))
            }
        }
        for field in schema where field.required && values[field.name] == nil {
            add(node.diagnostic(.error, "\(what) is missing required key '\(field.name)'"))
        }
        return values
    }

    /// Each string of a list (or of a single string), with its node for locating problems.
    mutating func strings(_ node: YAMLNode) -> [(text: String, node: YAMLNode)] {
        if case .scalar = node.node, !node.isNull {
            return attempt { try node.string() }.map { [($0, node)] } ?? []
        }
        guard let items = attempt({ try node.list() }) else { return [] }
        return items.compactMap { item in attempt { try item.string() }.map { ($0, item) } }
    }

    mutating func days(_ node: YAMLNode?, minimum: Int = 0) -> Int? {
        guard let node, let value = attempt({ try node.int() }) else { return nil }
        guard value >= minimum else {
            add(node.diagnostic(.error, "expected a whole number of at least \(minimum), found \(value)"))
            return nil
        }
        return value
    }
}
