import Testing

@Suite struct ValidatorTests {
    @Test func jwtNeedsAJSONHeaderWithAlg() {
        let validator = JWTValidator()
        #expect(validator.isValid(Array("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl".utf8)))
        #expect(!validator.isValid(Array("eyJub3RoaW5nIjoxfQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJl".utf8)))
        #expect(!validator.isValid(Array("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0".utf8)))
    }

    @Test func githubChecksumAcceptsRealFormatAndRejectsOneCharacterChanges() {
        let validator = GitHubTokenChecksumValidator()
        let token = "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"
        #expect(validator.isValid(Array(token.utf8)))
        var changed = Array(token.utf8)
        changed[10] = changed[10] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        #expect(!validator.isValid(changed))
    }

    @Test func crc32MatchesZlib() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func registryKnowsEveryValidatorByName() {
        #expect(SecretValidators.names == ValidatorNames.all.sorted())
        #expect(SecretValidators.named("jwt") is JWTValidator)
        #expect(SecretValidators.named("nope") == nil)
    }
}

@Suite struct KeyRecordEncodingTests {
    @Test func permissionsEncodeSortedWhateverTheSetOrder() throws {
        let record = KeyRecord(provider: .okx, account: "main", keyId: "k", permissions: [.withdraw, .read, .transfer, .trade])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(json.contains(#""permissions":["read","trade","transfer","withdraw"]"#))
        #expect(try JSONDecoder().decode(KeyRecord.self, from: Data(json.utf8)) == record)
    }
}

import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport

/// Rule packs name validators (KeyWardenRules knows only the names); the matcher implements them.
@Suite struct ValidatorRegistryTests {
    @Test func everyNameARulePackMayUseHasAnImplementationAndNoMore() {
        #expect(SecretValidators.names == ValidatorNames.all.sorted())
        for name in ValidatorNames.all { #expect(SecretValidators.named(name) != nil, "\(name)") }
    }
}

@Suite struct CodeShapeTests {
    @Test func aValueNamingWhatItIsIsAnExpressionInAnyCase() {
        for value in ["callbackToken", "previousX509PrivateKey", "DB_PASSWORD_FILE", "clientSecretRef", "myCredentials",
                      "signer.sign(body)", "P256.Signing.PrivateKey"] {
            #expect(CodeShape.isExpression(Array(value.utf8)), "\(value)")
        }
    }

    @Test func aRandomValueIsNoExpression() {
        for value in ["Falcon!2231orchid", "q8Vz2Lx9Kw4Pn7Rt1Ys6Bd3H", "Tundra_77copper", "ke", "tokn"] {
            #expect(!CodeShape.isExpression(Array(value.utf8)), "\(value)")
        }
    }
}
