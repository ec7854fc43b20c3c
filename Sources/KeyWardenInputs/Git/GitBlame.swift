/// Who last wrote a line, and when: `git blame --porcelain` for one line of one file.
public struct GitBlame: Sendable, Equatable {
    public let commit: String
    public let author: String
    public let email: String
    /// Seconds since the epoch (`author-time`).
    public let time: Int

    /// Nil for a line git does not know (an uncommitted change, a file outside the repository).
    public static func line(_ line: Int, of path: String, in repository: GitRepository) -> GitBlame? {
        guard let answer = try? repository.run(["blame", "--porcelain", "-L", "\(line),\(line)", "--", path]) else { return nil }
        return parse(answer.output)
    }

    /// The porcelain header: `<sha> <line> <line> 1`, then `author …`, `author-mail <…>`, `author-time …`.
    package static func parse(_ output: [UInt8]) -> GitBlame? {
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        guard let first = lines.first?.split(separator: " ").first, first.count == 40 || first.count == 64,
              first.allSatisfy(\.isHexDigit), !first.allSatisfy({ $0 == "0" }) else { return nil }
        func field(_ name: String) -> String? {
            lines.first { $0.hasPrefix(name + " ") }.map { String($0.dropFirst(name.count + 1)) }
        }
        let email = field("author-mail").map { $0.trimmingCharacters(in: ["<", ">"]) } ?? ""
        return GitBlame(commit: String(first), author: field("author") ?? "", email: email, time: Int(field("author-time") ?? "") ?? 0)
    }
}
