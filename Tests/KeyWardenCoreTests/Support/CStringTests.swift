import KeyWardenSupport
import Testing

@Suite struct CStringTests {
    /// The bytes as they are (a name that is not UTF-8 too), then one NUL, from any collection.
    @Test func bytesAreKeptAndTerminated() {
        #expect(cString([UInt8]()) == [0])
        #expect(cString(Array("a/b.txt".utf8)) == [97, 47, 98, 46, 116, 120, 116, 0])
        #expect(cString([0x61, 0xFF, 0x80]) == [97, -1, -128, 0])
        let path: [UInt8] = Array("dir/name".utf8)
        #expect(cString(path[4...]) == [110, 97, 109, 101, 0])
        #expect(cString("é".utf8) == [-61, -87, 0])
    }
}
