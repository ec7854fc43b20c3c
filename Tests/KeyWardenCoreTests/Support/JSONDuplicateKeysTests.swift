import Foundation
@testable import KeyWardenSupport
import Testing

@Suite struct JSONDuplicateKeysTests {
    func first(_ text: String) -> JSONDuplicateKeys.Duplicate? { JSONDuplicateKeys.first(in: Array(text.utf8)) }

    @Test func aRepeatedKeyIsFoundWithItsLocation() {
        #expect(first(#"{"a": 1, "b": 2, "a": 3}"#) == .init(key: "a", line: 1, column: 18))
        #expect(first("{\n  \"findings\": [],\n  \"findings\": [1]\n}") == .init(key: "findings", line: 3, column: 3))
    }

    @Test func nestedObjectsAndObjectsInArraysHaveTheirOwnKeys() {
        #expect(first(#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#) == nil)
        #expect(first(#"{"x": [{"id": 1, "id": 2}]}"#)?.key == "id")
        #expect(first(#"{"o": {"k": 1}, "p": {"k": 2, "q": {"k": 3, "k": 4}}}"#)?.key == "k")
    }

    @Test func stringsThatLookLikeKeysAreValues() {
        #expect(first(#"{"a": "a", "b": ["a", "a"], "c": "x\"a\": 1, \"a"}"#) == nil)
        #expect(first(#"["a", "a"]"#) == nil)
    }

    @Test func escapedSpellingsOfOneKeyAreTheSameKey() {
        #expect(first(#"{"perm": "read_only", "p\u0065rm": "read_only,withdraw"}"#)?.key == "perm")
    }
}
