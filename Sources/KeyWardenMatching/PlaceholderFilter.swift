import KeyWardenSupport
/// Recognises values that stand in for a secret rather than being one: templates (`${VAR}`,
/// `<secret>`, `{{ token }}`), "your key here" phrases, runs of one filler character, and the
/// example keys vendors print in their documentation. Reporting these would teach users to
/// ignore keywarden.
enum PlaceholderFilter {
    /// Values published in vendor documentation and signing test vectors.
    static let documentationExamples: Set<String> = [
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
        "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==",
        "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3",
        "22582BD0CFF14C41EDBF1AB98506286D",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        // Paddle API key reference (live and sandbox forms of the one published key).
        "pdl_live_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO",
        "pdl_sdbx_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO",
        // Azurite (local Azure Storage emulator) well-known account key.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        // Azure Cosmos DB emulator well-known key.
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
        // Google Cloud Storage HMAC key documentation pair (access id, secret).
        "GOOGTS7C7FUP3AIRVJTE2BCDKINBTES3HC2GY5CBFJDCQ2SYHV6A6XXVTJFSA",
        "bGoa+V7g/yqDXvKRqq+JTFn4uQZbPiQJo4pf9RzJ",
        // Dynatrace token format documentation.
        "dt0s01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM",
        // Statuspage API documentation key.
        "89a229ce1a8dbcf9ff30430fbe35eb4c0426574bca932061892cefd2138aa4b1",
        // PagerDuty REST API documentation key.
        "y_NbAkKc66ryYTWUXYEu",
    ]

    /// Whole values (compared case-insensitively) that people write instead of a secret.
    static let placeholderWords: Set<String> = [
        "changeme", "change_me", "change-me", "replace_me", "replace-me", "replaceme", "password", "passw0rd",
        "secret", "your-secret-here", "your_secret_here", "redacted", "none", "null", "undefined", "todo",
        "example", "dummy", "placeholder", "test", "testing", "pass", "1234", "12345678",
    ]

    /// Template syntax: `${VAR}`, `{{ var }}`, `%(var)s`.
    static let templateMarkers = ["${", "{{", "%("].map { Array($0.utf8) }
    static let exampleMarkers = ["example", "fake", "sample"].map { Array($0.utf8) }

    /// Whether `text`'s UTF-8 contains `needle` (see `containsBytes`: this runs per candidate).
    private static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { $0.containsBytes(needle) }
    }

    static let fillerCharacters: Set<Character> = ["x", "X", "*", "0", "#", ".", "-", "_", "•"]
    static let asciiFillers = fillerCharacters.compactMap(\.asciiValue)

    static func isPlaceholder(_ secret: String) -> Bool {
        if documentationExamples.contains(secret) { return true }
        let lowered = secret.lowercased()
        if placeholderWords.contains(lowered) { return true }
        // A well-formed key with EXAMPLE or FAKE inside is still a key: only whole-value
        // placeholders and the documented examples above are placeholders.
        if isExampleWordValue(lowered) { return true }
        if templateMarkers.contains(where: { contains(secret, $0) }) { return true }
        if secret.hasPrefix("<") && secret.hasSuffix(">") { return true }
        if secret.hasPrefix("$") && secret.dropFirst().allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) { return true }
        if lowered.hasPrefix("your_") || lowered.hasPrefix("your-") || lowered.hasPrefix("yourapi") || lowered.hasPrefix("insert_")
            || lowered.hasPrefix("insert-") || lowered.hasSuffix("_here") || lowered.hasSuffix("-here") {
            return true
        }
        return isMostlyFiller(secret)
    }

    /// "EXAMPLE_KEY", "example-api-token", "my_fake_secret": every word of the value is a
    /// placeholder word (a real key in the same alphabet has random segments between them).
    static let exampleWords: Set<String> = [
        "example", "sample", "fake", "dummy", "test", "my", "your", "api", "key", "secret", "token",
        "password", "access", "private", "value", "here", "placeholder",
    ]

    private static func isExampleWordValue(_ lowered: String) -> Bool {
        // Most candidates contain none of the three words: skip splitting them into words.
        guard exampleMarkers.contains(where: { contains(lowered, $0) }) else { return false }
        let words = lowered.split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard words.contains(where: { $0 == "example" || $0 == "fake" || $0 == "sample" }) else { return false }
        return lowered.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" || $0 == "." } && words.allSatisfy(exampleWords.contains)
    }

    /// "xxxxxxxx", "sk_live_XXXXXXXXXXXX", "****1234": most characters are one filler character.
    static func isMostlyFiller(_ secret: String) -> Bool {
        // ASCII without a CR LF (one Character of two bytes): a byte is a character, counted
        // without grapheme breaking, which was most of this check's time where findings are dense.
        var ascii = secret
        if let answer = ascii.withUTF8({ bytes -> Bool? in
            var counts = [Int](repeating: 0, count: 128)
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte < 0x80, !(previous == 0x0D && byte == 0x0A) else { return nil }
                counts[Int(byte)] += 1
                previous = byte
            }
            let most = asciiFillers.map { counts[Int($0)] }.max() ?? 0
            return most > 0 && most * 3 >= bytes.count * 2
        }) {
            return answer
        }
        var counts: [Character: Int] = [:]
        for character in secret where fillerCharacters.contains(character) { counts[character, default: 0] += 1 }
        guard let most = counts.values.max() else { return false }
        return most * 3 >= secret.count * 2
    }
}
