import Foundation
@testable import KeyWardenInputs
import KeyWardenTestSupport
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

    /// Members whose names are not UTF-8 (old zips write CP437, tars whatever bytes they had)
    /// are named as files are: `\xNN` for each invalid byte, two such members kept apart.
    @Test func memberNamesThatAreNotUTF8AreEscapedNotMerged() throws {
        let directory = try TemporaryDirectory()
        let tar = directory.path + "/names.tar"
        let script = """
            import io, sys, tarfile
            with tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT, encoding="utf-8", errors="surrogateescape") as out:
                for name, text in [(b"bad\\xff\\xfe.env", b"one\\n"), (b"bad\\xff\\xfd.env", b"two\\n"), ("caf\\u00e9.env".encode(), b"three\\n")]:
                    info = tarfile.TarInfo(name.decode("utf-8", "surrogateescape"))
                    info.size = len(text)
                    out.addfile(info, io.BytesIO(text))
            """
        let outcome = try ProcessRunner.run("python3", ["-c", script, tar], in: directory.path, environment: [:])
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let members = try ArchiveExpansion.members(ofFile: tar, limits: ArchiveLimits(maxMemberSize: 1 << 20)).get()
        #expect(members.map(\.path).sorted() == ["bad\\xFF\\xFD.env", "bad\\xFF\\xFE.env", "café.env"])
    }
}
