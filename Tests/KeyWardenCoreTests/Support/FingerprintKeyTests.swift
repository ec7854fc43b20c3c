import Foundation
@testable import KeyWardenSupport
import KeyWardenTestSupport
import Testing

@Suite struct FingerprintKeyTests {
    @Test func theKeyFileIsCreatedPrivateAndReused() throws {
        let directory = try TemporaryDirectory()
        let file = FingerprintKeyFile(environment: ["KEYWARDEN_CONFIG_DIR": directory.path + "/config"]) { _ in }
        let first = file.key()
        #expect(first.count == 64)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(file.key() == first)
        let other = try TemporaryDirectory()
        #expect(FingerprintKeyFile(environment: ["KEYWARDEN_CONFIG_DIR": other.path]) { _ in }.key() != first)
    }

    @Test func theEnvironmentKeyWinsAndNoFileIsMade() throws {
        let directory = try TemporaryDirectory()
        let file = FingerprintKeyFile(environment: ["KEYWARDEN_CONFIG_DIR": directory.path,
                                                    "KEYWARDEN_FINGERPRINT_KEY": "team-shared-value"]) { _ in }
        #expect(file.key() == Array("team-shared-value".utf8))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func aPlantedLinkIsNotFollowed() throws {
        let directory = try TemporaryDirectory()
        let victim = try directory.write("victim.txt", "")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/" + FingerprintKeyFile.fileName, withDestinationPath: victim)
        let warnings = Warnings()
        let key = FingerprintKeyFile(environment: ["KEYWARDEN_CONFIG_DIR": directory.path]) { warnings.append($0) }.key()
        #expect(key.count == 32, "a key for this run only")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "")
        #expect(warnings.all.count == 1)
    }

    @Test func aKeyedFingerprintDependsOnTheKeyAndDiffersFromThePlainHash() {
        let plain = Fingerprint.plain(rule: "r", secret: "s")
        #expect(plain == "436f0e33ded58eff51a7a9fb7ac1a880ca2f85769dbc7986817687719a2168ec")
        let a = Fingerprint.keyed(rule: "r", secret: "s", key: Array("key-one".utf8))
        #expect(a.count == 64 && a != plain)
        #expect(a == Fingerprint.keyed(rule: "r", secret: "s", key: Array("key-one".utf8)))
        #expect(a != Fingerprint.keyed(rule: "r", secret: "s", key: Array("key-two".utf8)))
        #expect(a != Fingerprint.keyed(rule: "r2", secret: "s", key: Array("key-one".utf8)))
    }

    final class Warnings: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ message: String) { lock.lock(); stored.append(message); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    }
}
