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

@Suite struct RetryPolicyTests {
    func policy(jitter: Double) -> RetryPolicy {
        var policy = RetryPolicy.standard
        policy.jitter = { jitter }
        return policy
    }

    @Test func backoffDoublesFromOneSecond() {
        let policy = policy(jitter: 1)
        #expect(policy.backoff(retry: 1) == .seconds(1))
        #expect(policy.backoff(retry: 2) == .seconds(2))
        #expect(policy.backoff(retry: 3) == .seconds(4))
    }

    @Test func backoffIsCappedAtSixtySeconds() {
        #expect(policy(jitter: 1).backoff(retry: 12) == .seconds(60))
    }

    @Test func jitterShortensTheWait() {
        #expect(policy(jitter: 0.5).backoff(retry: 3) == .seconds(2))
    }

    @Test func retryAfterSecondsAndHTTPDatesAreBothUnderstood() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RateLimitHeaders.retryAfter(HTTPResponse(status: 429, headers: ["Retry-After": "7"]), now: now) == .seconds(7))
        let date = HTTPResponse(status: 429, headers: ["retry-after": "Tue, 14 Nov 2023 22:13:30 GMT"])
        #expect(RateLimitHeaders.retryAfter(date, now: now) == .seconds(10))
    }

    @Test func bybitResetTimestampBecomesAWait() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let response = HTTPResponse(status: 200, headers: ["X-Bapi-Limit-Reset-Timestamp": "1700000002500"])
        #expect(RateLimitHeaders.untilEpochMilliseconds(response, header: "X-Bapi-Limit-Reset-Timestamp", now: now) == .milliseconds(2500))
    }
}
