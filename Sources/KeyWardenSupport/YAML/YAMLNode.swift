import Foundation
import Yams

/// A YAML node that knows its file and position, with typed accessors whose errors point at
/// the offending value. Every loader of user YAML (rules, config, policies) reads through it.
public struct YAMLNode: @unchecked Sendable {
    public let node: Node
    public let file: String

    public init(_ node: Node, file: String) {
        self.node = node
        self.file = file
    }

    public var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    public func error(_ message: String) -> DiagnosticError { DiagnosticError(at: location, message) }
    public func diagnostic(_ severity: Diagnostic.Severity, _ message: String) -> Diagnostic {
        Diagnostic(severity, at: location, message)
    }

    var kindName: String {
        switch node {
        case .scalar: return isNull ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    public var isNull: Bool {
        if case let .scalar(scalar) = node { return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) }
        return false
    }

    // MARK: scalars

    public func string() throws -> String {
        guard case let .scalar(scalar) = node, !isNull else { throw error("expected a string, found \(kindName)") }
        return scalar.string
    }

    public func int() throws -> Int {
        guard case .scalar = node, let value = node.int else { throw error("expected an integer, found \(describe)") }
        return value
    }

    public func double() throws -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init) else {
            throw error("expected a number, found \(describe)")
        }
        return value
    }

    public func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false, found \(describe)") }
        return value
    }

    /// A string chosen from a fixed set, with a suggestion when it is close to one.
    public func oneOf(_ allowed: [String]) throws -> String {
        let value = try string()
        guard allowed.contains(value) else {
            throw error("'\(value)' is not one of \(allowed.joined(separator: ", "))\(Suggestion.didYouMean(value, among: allowed))")
        }
        return value
    }

    private var describe: String {
        if case let .scalar(scalar) = node, !isNull { return "'\(scalar.string)'" }
        return kindName
    }

    // MARK: collections

    public func list() throws -> [YAMLNode] {
        guard case let .sequence(sequence) = node else { throw error("expected a list, found \(kindName)") }
        return sequence.map { YAMLNode($0, file: file) }
    }

    /// A list of strings; a single string is accepted as a one-element list.
    public func stringList() throws -> [String] {
        if case .scalar = node, !isNull { return [try string()] }
        return try list().map { try $0.string() }
    }

    /// The mapping's entries in document order, each key located.
    public func entries() throws -> [(key: YAMLNode, value: YAMLNode)] {
        guard case let .mapping(mapping) = node else { throw error("expected a mapping, found \(kindName)") }
        return mapping.map { (YAMLNode($0.key, file: file), YAMLNode($0.value, file: file)) }
    }

    /// A mapping whose keys are checked against a schema: unknown keys are errors with a
    /// did-you-mean suggestion, missing required keys are errors at the mapping.
    public func fields(required: [String] = [], optional: [String] = []) throws -> YAMLFields {
        let known = required + optional
        var values: [String: YAMLNode] = [:]
        var keys: [String: YAMLNode] = [:]
        for (key, value) in try entries() {
            let name = try key.string()
            guard known.contains(name) else {
                throw key.error("unknown key '\(name)'\(Suggestion.didYouMean(name, among: known))")
            }
            values[name] = value
            keys[name] = key
        }
        for name in required where values[name] == nil {
            throw error("missing required key '\(name)'")
        }
        return YAMLFields(owner: self, values: values, keys: keys)
    }
}

/// The checked fields of one mapping.
public struct YAMLFields: @unchecked Sendable {
    public let owner: YAMLNode
    let values: [String: YAMLNode]
    let keys: [String: YAMLNode]

    public subscript(_ name: String) -> YAMLNode? { values[name] }
    public func key(_ name: String) -> YAMLNode? { keys[name] }

    /// The value of a key the schema declared required.
    public func required(_ name: String) -> YAMLNode {
        guard let value = values[name] else { preconditionFailure("'\(name)' was not declared required") }
        return value
    }
}
