import KeyWardenMatching
import KeyWardenRules
import KeyWardenSupport

/// How sure a finding is: the rule's confidence, lowered for a catch-all match whose own evidence
/// is weak. A provider-specific format is as sure in a test file as anywhere (a real token in a
/// fixture is still a leak), so only catch-all rules are judged by their value and their file.
///
/// A test or example file alone does not lower a literal: real credentials are committed in
/// tests too, and a strong-looking one there is still reported. It lowers a value that also looks
/// made up (a fixture word such as `test` or `dummy` inside it, or under 3 bits of entropy per
/// character).
public enum FindingConfidence {
    /// `paths` are the names the scanned item is known by (a file's path relative to the scan
    /// root, a blob's paths in history); `decodedFrom` is set when the value was found inside
    /// base64 or percent-encoded text.
    public static func of(rule: Rule, secret: String, decodedFrom: String?, paths: [String]) -> Confidence {
        guard rule.catchAll else { return rule.confidence }
        // A credential name next to a value inside encoded text is a weak sign: encoded blobs
        // (certificates, images, serialised state) spell such pairs by chance.
        if decodedFrom != nil { return .low }
        var confidence = rule.confidence
        if isWeakLiteral(secret) { confidence = confidence.lowered }
        if !paths.isEmpty && paths.allSatisfy(isTestOrExamplePath) && looksMadeUp(secret) { confidence = confidence.lowered }
        return confidence
    }

    /// A short value of one kind of character (`hunter`, `abcdefgh`, `12345678`): people do use
    /// such passwords, but so do placeholders and sample configurations.
    static func isWeakLiteral(_ secret: String) -> Bool {
        var kinds = Set<Int>()
        for scalar in secret.unicodeScalars {
            switch scalar {
            case "a"..."z": kinds.insert(0)
            case "A"..."Z": kinds.insert(1)
            case "0"..."9": kinds.insert(2)
            default: kinds.insert(3)
            }
        }
        return kinds.count <= 1 && secret.unicodeScalars.count < 12
    }

    /// Words fixtures are written with.
    static let fixtureWords = ["test", "fake", "dummy", "mock", "sample", "example", "fixture", "stub", "demo", "foo", "bar",
                               "changeme", "placeholder"]

    /// A value with a fixture word inside (`test1234`, `Fixture-77`) or little entropy (`aaa111`).
    static func looksMadeUp(_ secret: String) -> Bool {
        let lower = secret.lowercased()
        return fixtureWords.contains { lower.contains($0) } || ShannonEntropy.of(Array(secret.utf8)) < 3.0
    }

    /// Directories whose files are tests, fixtures, mocks or examples by convention.
    static let testDirectories: Set<String> = [
        "test", "tests", "__tests__", "spec", "specs", "testdata", "test-data", "test_data", "testing",
        "fixture", "fixtures", "__fixtures__", "mock", "mocks", "__mocks__", "stub", "stubs",
        "example", "examples", "sample", "samples", "demo", "demos",
    ]

    /// A path in a test, fixture or example directory, or a file named as a test by its
    /// language's convention (`*_test.go`, `test_*.py`, `*.spec.ts`, `*Tests.swift`, `*Test.java`).
    static func isTestOrExamplePath(_ path: String) -> Bool {
        // Inside an archive the member's own path decides (`app.jar!/src/test/...`).
        let inner = path.split(separator: "!/").last.map(String.init) ?? path
        let components = inner.lowercased().split(separator: "/").map(String.init)
        guard let name = components.last else { return false }
        if components.dropLast().contains(where: testDirectories.contains) { return true }
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let originalStem = (inner.split(separator: "/").last.map(String.init) ?? inner).split(separator: ".").first.map(String.init) ?? ""
        return stem.hasPrefix("test_") || stem.hasSuffix("_test") || stem.hasSuffix("_spec")
            || name.contains(".test.") || name.contains(".spec.")
            || originalStem.hasSuffix("Tests") || originalStem.hasSuffix("Test") || originalStem.hasSuffix("Spec")
            || name.hasSuffix(".example") || name.hasSuffix(".sample")
    }
}
