import Foundation
import KeyWardenSupport

/// The JSON Schema (draft 2020-12) of the policy format, generated from `PolicyFormat` so editors
/// with a YAML language server validate and complete policy files:
/// `# yaml-language-server: $schema=policy.schema.json`.
public enum PolicySchema {
    public static let identifier = "https://keywarden.dev/schemas/policy-v1.json"

    /// The schema as stable, pretty-printed JSON.
    public static func json() throws -> String {
        var root = object(PolicyFormat.topFields)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = identifier
        root["title"] = "keywarden key policy (format v1)"
        var properties = root["properties"] as? [String: Any] ?? [:]
        properties["version"] = ["const": Policy.formatVersion, "description": "The policy format version: 1."]
        root["properties"] = properties
        let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func object(_ fields: [PolicyFormat.Field]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in fields {
            var schema = type(field.type)
            schema["description"] = field.description
            properties[field.name] = schema
        }
        var result: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        let required = fields.filter(\.required).map(\.name)
        if !required.isEmpty { result["required"] = required }
        return result
    }

    static func type(_ type: PolicyFormat.FieldType) -> [String: Any] {
        switch type {
        case let .integer(minimum): ["type": "integer", "minimum": minimum]
        case .boolean: ["type": "boolean"]
        case .string: ["type": "string", "minLength": 1]
        case .date:
            // YAML parsers that resolve timestamps hand editors a string either way.
            ["type": "string", "pattern": #"^\d{4}-\d{2}-\d{2}([Tt ].*)?$"#]
        case let .choice(values): ["type": "string", "enum": values]
        case let .list(item):
            // A single string is accepted where a list is, as the loader does.
            if case .object = item { ["type": "array", "items": self.type(item)] }
            else { ["anyOf": [self.type(item), ["type": "array", "items": self.type(item)]]] }
        case let .object(fields): object(fields)
        }
    }
}
