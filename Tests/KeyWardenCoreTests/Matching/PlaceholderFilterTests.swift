@testable import KeyWardenFuzzTargets
@testable import KeyWardenMatching
import Testing

@Suite struct PlaceholderFilterTests {
    /// The filler check counts bytes when the value is ASCII; Characters (the reference below,
    /// what it did before) otherwise. Both agree on values dense in filler characters, with and
    /// without non-ASCII ones (`•`, `é`) and CR LF, which is one Character of two bytes.
    @Test func fillerCountedByBytesAgreesWithCountingCharacters() {
        func reference(_ secret: String) -> Bool {
            var counts: [Character: Int] = [:]
            for character in secret where PlaceholderFilter.fillerCharacters.contains(character) { counts[character, default: 0] += 1 }
            guard let most = counts.values.max() else { return false }
            return most * 3 >= secret.count * 2
        }
        var generator = Mutator(seed: 13)
        let pieces = ["x", "x", "x", "X", "*", "*", "0", "#", ".", "-", "_", "a", "B", "7", "•", "é", "\r\n", "\r", "\n"]
        for _ in 0..<5_000 {
            let secret = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(PlaceholderFilter.isMostlyFiller(secret) == reference(secret), "\(secret.debugDescription)")
        }
        #expect(PlaceholderFilter.isMostlyFiller("xxxxxxxx"))
        #expect(PlaceholderFilter.isMostlyFiller("sk_live_XXXXXXXXXXXXXXXXXXXX"))
        #expect(!PlaceholderFilter.isMostlyFiller("Tr0ub4dor&3x"))
    }
}
