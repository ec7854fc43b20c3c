import Foundation
import KeyWardenVerification
import Testing

/// The SigV4 signer against the values AWS documents for its signature examples (the
/// `get-vanilla` and `get-vanilla-query-order-key-case` cases of the SigV4 test suite, and the
/// IAM `ListUsers` walk-through with its derived signing key): example credentials
/// AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY at 2015-08-30T12:36:00Z.
struct SigV4SignerTests {
    static let instant = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    static func signer(service: String) -> SigV4Signer {
        SigV4Signer(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, region: "us-east-1", service: service)
    }

    @Test func getVanilla() {
        let headers = Self.signer(service: "service").sign(method: "GET", url: URL(string: "https://example.amazonaws.com/")!, at: Self.instant)
        #expect(headers["X-Amz-Date"] == "20150830T123600Z")
        #expect(headers["Authorization"] == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func queryParametersAreSignedInSortedOrder() {
        let url = URL(string: "https://example.amazonaws.com/?Param2=value2&Param1=value1")!
        let headers = Self.signer(service: "service").sign(method: "GET", url: url, at: Self.instant)
        #expect(headers["Authorization"]?.hasSuffix("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500") == true)
    }

    @Test func iamListUsersWithItsContentTypeHeader() {
        let url = URL(string: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")!
        let headers = Self.signer(service: "iam").sign(method: "GET", url: url,
                                                       headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"], at: Self.instant)
        #expect(headers["Authorization"] == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    @Test func theDerivedSigningKey() {
        let key = Self.signer(service: "iam").signingKey(day: "20150830")
        #expect(key.map { String(format: "%02x", $0) }.joined() == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    @Test func aPortThatIsNotTheSchemesDefaultIsSignedInTheHost() {
        let onPort = Self.signer(service: "sts").sign(method: "GET", url: URL(string: "http://127.0.0.1:8123/?Action=GetCallerIdentity")!, at: Self.instant)
        let noPort = Self.signer(service: "sts").sign(method: "GET", url: URL(string: "http://127.0.0.1/?Action=GetCallerIdentity")!, at: Self.instant)
        #expect(onPort["Authorization"] != noPort["Authorization"])
    }
}
