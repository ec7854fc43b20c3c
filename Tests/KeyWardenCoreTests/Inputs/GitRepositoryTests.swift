import Foundation
@testable import KeyWardenInputs
import KeyWardenTestSupport
import Testing

@Suite struct GitRepositoryTests {
    @Test func theWorkTreeOfASubdirectoryIsTheRepositoryRoot() throws {
        let repo = try GitTestRepository()
        try repo.write("deep/er/file.txt", "text\n")
        try repo.commit("a file deep down")
        let root = URL(fileURLWithPath: repo.path).standardizedFileURL.path
        for given in [repo.path, repo.path + "/", repo.path + "/deep/er", repo.path + "/deep/./er/", repo.path + "//deep//er",
                      repo.path + "/deep/er/../er"] {
            #expect(try GitRepository(at: given).workTree == root, "\(given)")
        }
    }

    /// The work tree used to be found with URL's `standardizedFileURL`; the by-name resolution
    /// that replaced it gives the same path for absolute and relative paths alike.
    @Test func standardizingByNameAgreesWithURL() {
        let pieces = ["a", "b", ".", "..", "c d", "é"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            func randomPath() -> String {
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "/")
            }
            let path = (Bool.random(using: &generator) ? "/tmp/" : "") + randomPath()
            let relative = randomPath()
            let expected = URL(fileURLWithPath: path).appendingPathComponent(relative).standardizedFileURL.path
            #expect(GitRepository.standardized(path, joinedWith: relative) == expected, "\(path) + \(relative)")
        }
    }

    /// Where they differ, by-name is the file system's answer: an empty component is no
    /// directory for `..` to leave (URL's dot-segment rules take `a//..` to `a/`).
    @Test func repeatedSlashesAreOneSeparator() {
        #expect(GitRepository.standardized("/x//y/..", joinedWith: "") == "/x")
        #expect(GitRepository.standardized("/x/y", joinedWith: "..//..") == "/")
        #expect(GitRepository.standardized("//x", joinedWith: "y//") == "/x/y")
    }
}
