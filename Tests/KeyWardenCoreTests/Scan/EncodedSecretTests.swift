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
import Testing

/// Secrets stored base64- or percent-encoded are decoded, scanned and reported at the encoded text.
@Suite struct EncodedSecretTests {
    static let token = "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"

    func scan(_ text: String) throws -> [Finding] {
        let scanner = try SharedScanner.builtin.get()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map { $0.placed(at: "secret.yaml") }
    }

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test func aKubernetesSecretDataValueIsDecodedAndReportedWhereItIsEncoded() throws {
        let encoded = Self.base64(Self.token)
        let findings = try scan("apiVersion: v1\nkind: Secret\ndata:\n  GITHUB_TOKEN: \(encoded)\n")
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "github-token")
        #expect(finding.decodedFrom == "base64")
        #expect(finding.secret == Self.token)
        #expect((finding.line, finding.column, finding.endColumn) == (4, 17, 16 + encoded.count))
    }

    @Test func decodedValuesKeepTheirVariableNameSoContextRulesApply() throws {
        let findings = try scan("""
        data:
          OKX_API_KEY: \(Self.base64("3b9f2c1e-7a4d-4e8b-9c2f-5d6e7f8a9b0c"))
          OKX_SECRET_KEY: \(Self.base64("9F3A7C2E5B8D1F4A6C9E2B5D8F1A3C7E"))
        """)
        #expect(findings.map(\.rule) == ["okx-secret-key"])
        #expect(findings.first?.keyId == "3b9f2c1e-7a4d-4e8b-9c2f-5d6e7f8a9b0c")
        #expect(findings.first?.decodedFrom == "base64")
    }

    @Test func percentEncodedSecretsAreDecoded() throws {
        let encoded = "AWS_ACCESS_KEY_ID%3DAKIAQWERTY7ABCD2EFGH%26AWS_SECRET_ACCESS_KEY%3DTq8vZr2Lx%2BMw9Pn4Ks7Jd3Hf6Gb1Yc5Xe0Ua%2FWo2"
        let findings = try scan("callback: https://example.net/cb?state=\(encoded)\n")
        let finding = try #require(findings.first { $0.rule == "aws-secret-access-key" })
        #expect(finding.decodedFrom == "percent")
        #expect(finding.secret == "Tq8vZr2Lx+Mw9Pn4Ks7Jd3Hf6Gb1Yc5Xe0Ua/Wo2")
    }

    @Test func base64InsideBase64IsDecodedTwice() throws {
        let inner = Self.base64("token: \(Self.token)")
        let findings = try scan("blob: \(Self.base64("payload=\(inner)"))\n")
        #expect(findings.map(\.rule) == ["github-token"])
        #expect(findings.first?.decodedFrom == "base64")
    }

    @Test func decodingStopsAfterTwoLevels() throws {
        let three = Self.base64("x=" + Self.base64("y=" + Self.base64("token: \(Self.token)")))
        #expect(try scan("blob: \(three)\n").isEmpty)
    }

    @Test func decodedOutputPerBufferIsBounded() throws {
        let filler = Self.base64(String(repeating: "harmless text ", count: 1000))
        let lines = Array(repeating: "pad: \(filler)", count: EncodedText.maximumDecodedBytes / 14_000 + 2)
        let text = lines.joined(separator: "\n") + "\nGITHUB_TOKEN: \(Self.base64(Self.token))\n"
        let spans = text.utf8.withContiguousStorageIfAvailable { EncodedText.spans(in: UnsafeRawBufferPointer($0)) } ?? []
        #expect(!spans.isEmpty)
        #expect(!spans.contains { String(decoding: $0.decoded, as: UTF8.self) == Self.token }) // past the budget
        #expect(spans.reduce(0) { $0 + $1.decoded.count } < EncodedText.maximumDecodedBytes + 14_001)
    }

    @Test func base64ThatDecodesToBinaryIsLeftAlone() throws {
        let binary = Data((0..<48).map { UInt8($0 * 5 & 0xFF) }).base64EncodedString()
        #expect(try scan("data:\n  blob: \(binary)\n").isEmpty)
        #expect(EncodedText.decodeBase64Text(UnsafeRawBufferPointer(start: nil, count: 0), 0..<0) == nil)
    }

    @Test func aSecretWrittenPlainlyIsNotReportedAgainAsDecoded() throws {
        let findings = try scan("url: https://example.net/a%20b?token=\(Self.token)\n")
        #expect(findings.count == 1)
        #expect(findings.first?.decodedFrom == nil)
    }
}
