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
        // A team's own rule (mapped from its gitleaks config) reports what it matches, as gitleaks does.
        if rule.standalone { return rule.confidence }
        // Any other rule: a value typed for documentation is reported, but as the least sure.
        if looksLikeDocumentationValue(secret) { return .low }
        guard rule.catchAll else { return rule.confidence }
        // A credential name next to a value inside encoded text is a weak sign: encoded blobs
        // (certificates, images, serialised state) spell such pairs by chance.
        if decodedFrom != nil { return .low }
        var confidence = rule.confidence
        if isWeakLiteral(secret) { confidence = confidence.lowered }
        if isTestOrExampleItem(paths) && looksMadeUp(secret) { confidence = confidence.lowered }
        return confidence
    }

    /// A credential set found whole (key, secret and passphrase together, each by its own rule)
    /// is surer than any of its parts: a bare exchange secret is `medium`, the set `high`. A set
    /// of documentation values stays `low`.
    public static func raisedForCredentialSet(_ finding: Finding) -> Finding {
        guard let parts = finding.parts, !parts.isEmpty, finding.confidence == .medium else { return finding }
        var raised = finding
        raised.confidence = .high
        return raised
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

    /// Words that mark a value written for documentation when they start or end it
    /// (`…tokenexample`, `EXAMPLE…`, `fake_…`). Inside a value they mark nothing: a well-formed key
    /// with `EXAMPLE` in the middle is still a key.
    static let documentationAffixes = ["example", "fake", "dummy", "sample", "test", "placeholder"]

    /// A value typed by hand for documentation or tests rather than generated: a documentation
    /// word at either end, or a run of six or more consecutive characters of `0123456789` or the
    /// alphabet, either way (`123456`, `abcdef`, `654321`). A random base62 value holds such a run
    /// with a probability under 1e-9.
    static func looksLikeDocumentationValue(_ secret: String) -> Bool {
        let lower = secret.lowercased()
        if documentationAffixes.contains(where: { lower.hasPrefix($0) || lower.hasSuffix($0) }) { return true }
        return longestSequentialRun(Array(lower.utf8)) >= 6
    }

    /// The longest run of bytes each one more (or each one less) than the one before, within
    /// digits or within letters.
    static func longestSequentialRun(_ bytes: [UInt8]) -> Int {
        func kind(_ byte: UInt8) -> Int? {
            switch byte {
            case 0x30...0x39: 0
            case 0x61...0x7A: 1
            default: nil
            }
        }
        var longest = 1, up = 1, down = 1
        for index in bytes.indices.dropFirst() {
            let previous = bytes[index - 1], current = bytes[index]
            let sameKind = kind(previous) != nil && kind(previous) == kind(current)
            up = sameKind && current == previous &+ 1 ? up + 1 : 1
            down = sameKind && current &+ 1 == previous ? down + 1 : 1
            longest = max(longest, up, down)
        }
        return bytes.isEmpty ? 0 : longest
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
    /// Whether every path an item is known by is a test's or an example's.
    static func isTestOrExampleItem(_ paths: [String]) -> Bool {
        !paths.isEmpty && paths.allSatisfy(isTestOrExamplePath)
    }

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
