import Foundation
@testable import KeyWardenInputs
@testable import KeyWardenScan
import KeyWardenTestSupport
import Testing

/// A directory scan reads files while the walk goes on: the result must be the one of the walk
/// listed first and scanned after, whatever the timing.
@Suite struct WalkedFileSourceTests {
    let key = "AKIAQWERTY7ABCD2EFGH"

    @Test func scanningWhileWalkingGivesTheResultOfWalkingFirst() throws {
        let directory = try TemporaryDirectory()
        let fileManager = FileManager.default
        for folder in 0..<12 {
            try fileManager.createDirectory(atPath: directory.path + "/d\(folder)/sub", withIntermediateDirectories: true)
            for file in 0..<15 {
                let text = file % 7 == 3 ? "region=eu\nAWS_ACCESS_KEY_ID=\(key)\n" : "nothing in file \(file)\n"
                try text.write(toFile: directory.path + "/d\(folder)/sub/f\(file).env", atomically: true, encoding: .utf8)
            }
        }
        try Data([0, 1, 2, 0]).write(to: URL(fileURLWithPath: directory.path + "/d3/blob.bin"))
        try fileManager.createSymbolicLink(atPath: directory.path + "/link", withDestinationPath: directory.path + "/d1")
        // Overlapping roots reach the files of d2 twice; each is scanned once.
        let roots = [directory.path, directory.path + "/d2"]
        let pipeline = ScanPipeline(scanner: try builtinScanner())
        let walkedDirectory = DirectorySource(roots: roots)
        let listing = try walkedDirectory.entries()
        let first = try pipeline.run(FileSource(files: listing.files, maxFileSize: 1 << 20))
        for _ in 0..<3 {
            let source = WalkedFileSource(walkedDirectory, roots: try walkedDirectory.checkedRoots(), maxFileSize: 1 << 20)
            var walked = try pipeline.run(source)
            walked.skipped = (walked.skipped + source.skipped()).sorted()
            #expect(walked.findings.map(\.path) == first.findings.map(\.path))
            #expect(walked.findings.count == 12 * 2)
            #expect((walked.filesScanned, walked.bytesScanned) == (first.filesScanned, first.bytesScanned))
            #expect(walked.skipped == (first.skipped + listing.skipped).sorted())
            #expect(walked.skipped.map(\.reason).contains(.symlinkNotFollowed) && walked.skipped.map(\.reason).contains(.binary))
        }
    }

    @Test func aMissingRootIsAnErrorBeforeAnythingIsWalked() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: DirectorySource.MissingRoot.self) {
            try DirectorySource(roots: [directory.path, directory.path + "/absent"]).checkedRoots()
        }
    }
}
