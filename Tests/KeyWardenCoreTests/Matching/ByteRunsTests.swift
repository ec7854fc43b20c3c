import CByteRuns
import KeyWardenFuzzTargets
@testable import KeyWardenMatching
import KeyWardenSupport
import Testing

/// The vectorised run finder against the obvious byte-at-a-time one, on buffers built to put
/// runs across its 64-byte blocks, at their edges and at the buffer's ends.
@Suite struct ByteRunsTests {
    static func naiveRuns(_ bytes: [UInt8], _ members: ByteRanges, _ minimum: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard members.contains(bytes[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, members.contains(bytes[end]) { end += 1 }
            if end - index >= minimum { runs.append(index..<end) }
            index = end
        }
        return runs
    }

    /// Runs of member bytes of lengths near the minimum and near multiples of 64, between short
    /// gaps of bytes just outside the class's ranges.
    static func buffer(seed: UInt64, members: [UInt8], others: [UInt8]) -> [UInt8] {
        var generator = Mutator(seed: seed)
        var bytes: [UInt8] = []
        let length = Int.random(in: 0...700, using: &generator)
        while bytes.count < length {
            let runLength = [0, 1, 11, 12, 13, 46, 47, 48, 50, 51, 52, 53, 62, 63, 64, 65, 127, 128, 129, 200]
                .randomElement(using: &generator)!
            bytes += (0..<runLength).map { _ in members.randomElement(using: &generator)! }
            bytes += (0..<Int.random(in: 1...3, using: &generator)).map { _ in others.randomElement(using: &generator)! }
        }
        if !bytes.isEmpty, Bool.random(using: &generator) { bytes.removeLast() }  // sometimes end inside a run
        return bytes
    }

    static let classes: [(ByteRanges, members: [UInt8], others: [UInt8])] = [
        (.base64, Array("+/09AZaz".utf8), Array("*,.:@[`{ =\u{7F}".utf8) + [0x00, 0x80, 0xFF]),
        (.lowercaseOrSpace, Array("az \t\n\r".utf8), Array("`{\u{0B}\u{0C}\u{1F}!A_".utf8) + [0x00, 0xE2]),
        (.word, Array("09AZ_az".utf8), Array("/:@[^`{-".utf8) + [0xC3]),
    ]

    @Test(arguments: 0..<3)
    func theRunsAreThoseOfAByteAtATimeSearch(classIndex: Int) {
        let (members, inside, outside) = Self.classes[classIndex]
        for byte in inside { #expect(members.contains(byte)) }
        for byte in outside { #expect(!members.contains(byte)) }
        for seed in 0..<300 as Range<UInt64> {
            let bytes = Self.buffer(seed: seed &+ UInt64(classIndex) << 32, members: inside, others: outside)
            for minimum in [1, 12, 47, 51, 63, 64, 65, 100] {
                let expected = Self.naiveRuns(bytes, members, minimum)
                for batch in [1, 2, 256] {
                    let found = bytes.withUnsafeBytes { ByteRuns.find(in: $0, of: members, atLeast: minimum, batch: batch) }
                    #expect(found == expected, "seed \(seed) minimum \(minimum) batch \(batch) length \(bytes.count)")
                    if found != expected { return }
                }
            }
        }
    }

    /// The context-keyword search (`kw_contains_caseless`) against lowercasing and searching,
    /// with needles taken from the haystack (so they occur) and altered (so they may not), at
    /// every distance from the 16-byte blocks it compares.
    @Test func caselessSearchFindsWhatLowercasingFinds() {
        var generator = Mutator(seed: 7)
        let alphabet = Array("aAbBcC.-_ 9\n".utf8)
        for _ in 0..<3_000 {
            let haystack = (0..<Int.random(in: 0...70, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let lowered = haystack.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            var needle: [UInt8]
            if !haystack.isEmpty, Bool.random(using: &generator) {
                let start = Int.random(in: 0..<haystack.count, using: &generator)
                needle = Array(lowered[start..<min(haystack.count, start + Int.random(in: 1...5, using: &generator))])
            } else {
                needle = (0..<Int.random(in: 1...4, using: &generator)).map { _ in Array("abc.9".utf8).randomElement(using: &generator)! }
            }
            let expected = lowered.withUnsafeBufferPointer { $0.containsBytes(needle) }
            let found = haystack.withUnsafeBufferPointer { kw_contains_caseless($0.baseAddress, $0.count, needle, needle.count) } != 0
            #expect(found == expected, "\(haystack) \(needle)")
            if found != expected { return }
        }
    }

    /// The port-colon search (`kw_find_port_colon`, the `.pgpass` finder's skip) against a byte
    /// loop, from every start, on buffers dense in colons, digits and stars (and the bytes next to
    /// them in ASCII, `/` and `;`, `)` and `+`) so matches fall on and across the 16-byte blocks.
    @Test func portColonSearchFindsWhatAByteLoopFinds() {
        var generator = Mutator(seed: 11)
        let alphabet = Array(":09*/;)+a\n".utf8)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...50, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            for from in 0...bytes.count {
                let expected = (from..<max(from, bytes.count - 1)).first { at in
                    bytes[at] == UInt8(ascii: ":") && (UInt8(ascii: "0")...UInt8(ascii: "9") ~= bytes[at + 1] || bytes[at + 1] == UInt8(ascii: "*"))
                } ?? bytes.count
                let found = bytes.withUnsafeBufferPointer { kw_find_port_colon($0.baseAddress, $0.count, from) }
                #expect(found == expected, "\(bytes) from \(from)")
                if found != expected { return }
            }
        }
    }

    @Test func emptyAndShortBuffersHaveNoRuns() {
        #expect([UInt8]().withUnsafeBytes { ByteRuns.find(in: $0, of: .base64, atLeast: 12) } == [])
        #expect(Array("abcdefghijk".utf8).withUnsafeBytes { ByteRuns.find(in: $0, of: .base64, atLeast: 12) } == [])
        #expect(Array("abcdefghijkl".utf8).withUnsafeBytes { ByteRuns.find(in: $0, of: .base64, atLeast: 12) } == [0..<12])
    }
}
