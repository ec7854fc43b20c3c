import Foundation
import Yams

/// Reads a YAML file into a located node tree, turning every parse error into a
/// `DiagnosticError` that names file:line:column.
public enum YAMLDocument {
    /// Parses `text` as the contents of `file`. An empty document yields an empty mapping node.
    public static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            let node = try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
            return YAMLNode(node, file: file)
        } catch let error as YamlError {
            throw DiagnosticError([diagnostic(for: error, file: file)])
        }
    }

    /// Reads and parses a file; unreadable or non-UTF-8 files are reported at 1:1.
    public static func load(path: String) throws -> YAMLNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(at: SourceLocation(file: path, line: 1, column: 1), "file is not valid UTF-8")
        }
        return try parse(text, file: path)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return Diagnostic(.error, at: at(mark), "malformed YAML: \(prefix)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, at: at(context.mark),
                              "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in mapping")
        case let .reader(problem, offset, _, yaml):
            let prefix = yaml.utf8.prefix(offset ?? 0)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = prefix.reversed().prefix { $0 != UInt8(ascii: "\n") }.count + 1
            return Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column),
                              "unreadable YAML: \(problem)")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "malformed YAML: \(error)")
        }
    }
}
