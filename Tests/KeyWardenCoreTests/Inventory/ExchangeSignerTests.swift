import Crypto
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

/// Published vectors (Binance, KuCoin, Kraken), vectors on which the official SDKs and ccxt
/// agree (OKX, Bybit), and vectors computed with the SDKs (Gate: gate-api; KuCoin passphrase:
/// kucoin-universal-sdk; Bitget: bitget-api-client). Test secrets only, never real keys.
@Suite struct ExchangeSignerTests {
    @Test func binanceSignsTheDocumentedOrderPayload() {
        let signer = BinanceSigner(secret: "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j")  // keywarden:allow
        let payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(signer.signature(payload: payload) == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
    }

    @Test func kucoinSignsTheDocumentedDepositAddressRequest() {
        let signer = KuCoinSigner(secret: "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3")
        let signature = signer.signature(timestamp: "1547015186532", method: "POST", requestPath: "/api/v1/deposit-addresses", body: #"{"currency":"BTC"}"#)
        #expect(signature == "7QP/oM0ykidMdrfNEUmng8eZjg/ZvPafjIqmxiVfYu4=")
    }

    @Test func kucoinEncryptsThePassphraseForKeyVersionTwo() {
        let signer = KuCoinSigner(secret: "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3")
        #expect(signer.encryptedPassphrase("my-passphrase") == "sVNmif2caUE5SCRJCgYlwsc6lQaT8d/P6TZ8yPqSYoU=")
    }

    @Test func krakenSignsTheDocumentedAddOrderRequest() throws {
        let signer = try KrakenSigner(secret: "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==")  // keywarden:allow
        let body = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25"
        #expect(signer.signature(path: "/0/private/AddOrder", nonce: "1616492376594", postData: body)
            == "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==")
    }

    @Test func krakenRejectsASecretThatIsNotBase64() {
        #expect(throws: SigningError.secretNotBase64(.kraken)) { try KrakenSigner(secret: "not base64!") }
    }

    @Test func okxSignsTheCrossCheckedConfigRequest() {
        let signer = OKXSigner(secret: "22582BD0CFF14C41EDBF1AB98506286D")  // keywarden:allow
        #expect(signer.signature(timestamp: "2020-12-08T09:08:57.715Z", method: "GET", requestPath: "/api/v5/account/config")
            == "Kr/8IrbDYujS4cg2KkmB+tO2HMUXxyayG6ZwNb4H/yA=")
    }

    @Test func okxTimestampsAreUTCWithMilliseconds() {
        #expect(OKXSigner.timestamp(Date(timeIntervalSince1970: 1_607_418_537.715)) == "2020-12-08T09:08:57.715Z")
    }

    @Test func bybitSignsTheCrossCheckedString() {
        let signer = BybitSigner(apiKey: "XXXXXXXXXX", secret: "s")
        #expect(signer.signature(timestamp: "1658384314791", recvWindow: "5000", payload: "")
            == "ad7ebb8798598ebeea5d9f228c16ac33bdccd3648bc0232071156eed7014389d")
    }

    @Test func gateSignsLikeTheGateSDK() {
        let signer = GateSigner(secret: "gate-secret")
        #expect(signer.signature(method: "GET", path: "/api/v4/account/detail", query: "", timestamp: "1700000000")
            == "5bfa5f6c4a8f6d6170d47df287c798cef5245d3af662b4946c87991134afe2eb14048c44dc21dfe7d18fbb5b8d62a6072309489bf709fa4cf7b2cae76ba051ec")
        #expect(signer.signature(method: "GET", path: "/api/v4/sub_accounts/1/keys", query: "limit=2", timestamp: "1700000000")
            == "c705c5f2fcd86bb698746d22560881e8bcbc597052c322fb48d49b029692c7af01c220c06d18c6a3332f82bac56f879be4e1ff5cbb188efd3b93a70974fd7b4f")
    }

    @Test func bitgetSignsLikeAnIndependentPythonClient() {
        let signer = BitgetSigner(secret: "bitget-secret")
        #expect(signer.signature(timestamp: "1695808949356", method: "GET", requestPath: "/api/v2/spot/account/info")
            == "/v08AVsR4G24CmSdgxLZxs5JBtGsR0wj1tGLMVAiUFo=")
    }

    @Test func coinbaseJWTVerifiesWithThePublicKeyAndCarriesTheDocumentedClaims() throws {
        let key = P256.Signing.PrivateKey()
        let signer = try CoinbaseJWTSigner(keyName: "organizations/o/apiKeys/k", privateKeyPEM: key.pemRepresentation)
        let token = try signer.token(method: "GET", path: "/api/v3/brokerage/key_permissions", now: Date(timeIntervalSince1970: 1_700_000_000), nonce: "abc")
        let parts = token.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        let header = try JSONSerialization.jsonObject(with: Base64URL.decode(parts[0])!) as? [String: String]
        #expect(header == ["alg": "ES256", "kid": "organizations/o/apiKeys/k", "nonce": "abc", "typ": "JWT"])
        let claims = try JSONSerialization.jsonObject(with: Base64URL.decode(parts[1])!) as? [String: Any]
        #expect(claims?["sub"] as? String == "organizations/o/apiKeys/k")
        #expect(claims?["iss"] as? String == "cdp")
        #expect(claims?["nbf"] as? Int == 1_700_000_000)
        #expect(claims?["exp"] as? Int == 1_700_000_120)
        #expect(claims?["uri"] as? String == "GET api.coinbase.com/api/v3/brokerage/key_permissions")
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: Base64URL.decode(parts[2])!)
        #expect(key.publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8)))
    }

    @Test func coinbaseAcceptsAPEMWithEscapedNewlines() throws {
        let pem = P256.Signing.PrivateKey().pemRepresentation.replacingOccurrences(of: "\n", with: "\\n")
        _ = try CoinbaseJWTSigner(keyName: "k", privateKeyPEM: pem)
    }

    @Test func coinbaseRejectsASecretThatIsNotAnECKey() {
        #expect(throws: SigningError.secretNotP256PEM(.coinbase)) { try CoinbaseJWTSigner(keyName: "k", privateKeyPEM: "abc") }
    }
}
