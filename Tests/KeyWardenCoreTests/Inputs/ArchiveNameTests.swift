@testable import KeyWardenInputs
import Testing

@Suite struct ArchiveNameTests {
    /// Archives are recognised by the end of their path in any ASCII case, from the path's bytes
    /// as from a String, and a name that only contains a suffix is not one.
    @Test func archivesAreKnownByTheirSuffixInAnyCase() {
        let archives = ["a.zip", "dir/B.ZIP", "x.tar.GZ", "lib.Jar", ".zip", "pkg.whl", "p/q/r.tbz2", "data.xz"]
        let others = ["zip", "a.zipx", "a.zip.txt", "archive", "", "a.gzip", "x.tar.", "notes.ZI"]
        for path in archives {
            #expect(ArchiveExpansion.isArchive(path: path), "\(path)")
            #expect(ArchiveExpansion.isArchive(path: Array(path.utf8)), "\(path)")
        }
        for path in others {
            #expect(!ArchiveExpansion.isArchive(path: path), "\(path)")
            #expect(!ArchiveExpansion.isArchive(path: Array(path.utf8)), "\(path)")
        }
        // A name that is not UTF-8 reaches the check as it is.
        #expect(ArchiveExpansion.isArchive(path: [0xFF, 0xFE, 0x2E, 0x6A, 0x61, 0x72]))
        #expect(!ArchiveExpansion.isArchive(path: [0x2E, 0x6A, 0x61, 0x72, 0xFF]))
    }
}
