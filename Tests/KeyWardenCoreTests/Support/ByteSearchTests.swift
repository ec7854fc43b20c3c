@testable import KeyWardenSupport
import Testing

@Suite struct ByteSearchTests {
    func contains(_ text: String, _ needle: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { $0.containsBytes(Array(needle.utf8)) }
    }

    @Test func findsANeedleAnywhereIncludingAfterAFalseStart() {
        #expect(contains("xx${VAR}", "${"))
        #expect(contains("aaab", "aab"))
        #expect(contains("{{", "{{"))
        #expect(contains("anything", ""))
    }

    @Test func aNeedleThatIsNotThereOrLongerIsNotFound() {
        #expect(!contains("$ {VAR}", "${"))
        #expect(!contains("exampl", "example"))
        #expect(!contains("", "a"))
    }
}
