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

/// Every check of the catalogue: a failing and a passing case at a fixed now.
@Suite struct LeastPrivilegeCheckTests {
    @Test func keyWithUndeclaredWithdrawIsCritical() throws {
        let result = findings(of: LeastPrivilegeCheck(), keys: [keyRecord(permissions: [.read, .trade, .withdraw])])
        let finding = try #require(result.first)
        #expect(result.count == 1)
        #expect(finding.severity == .critical)
        #expect(finding.app == "bot")
        #expect(evidence(finding, "excess") == "withdraw")
        #expect(evidence(finding, "declared") == "read, trade")
    }

    @Test func undeclaredTransferIsHigh() {
        let result = findings(of: LeastPrivilegeCheck(), keys: [keyRecord(permissions: [.read, .trade, .transfer])])
        #expect(result.map(\.severity) == [.high])
    }

    @Test func forbiddenPermissionIsReportedEvenWhenDeclared() {
        let app = appPolicy(permissions: [.read, .withdraw], requirements: KeyRequirements(forbiddenPermissions: [.withdraw]))
        let result = findings(of: LeastPrivilegeCheck(), apps: [app], keys: [keyRecord(permissions: [.read, .withdraw])])
        #expect(result.map(\.severity) == [.critical])
    }

    @Test func keyWithinDeclaredPermissionsPasses() {
        #expect(findings(of: LeastPrivilegeCheck(), keys: [keyRecord(permissions: [.read, .trade])]).isEmpty)
    }

    @Test func undeclaredKeyMayTradeButNotWithdraw() {
        let tradeOnly = keyRecord(label: "nobody", permissions: [.read, .trade])
        let withdraws = keyRecord("k2", label: "nobody", permissions: [.withdraw])
        #expect(findings(of: LeastPrivilegeCheck(), keys: [tradeOnly, withdraws]).map(\.keyId) == ["k2"])
    }
}

@Suite struct RotationAgeCheckTests {
    @Test func keyOlderThanMaxAgeIsHigh() throws {
        let finding = try #require(findings(of: RotationAgeCheck(), keys: [keyRecord(created: date("2026-08-01T00:00:00Z"))]).first)
        #expect(finding.severity == .high)
        #expect(evidence(finding, "ageDays") == "111")
        #expect(evidence(finding, "maxKeyAgeDays") == "90")
    }

    @Test func keyInsideWarningWindowIsLow() {
        let result = findings(of: RotationAgeCheck(), keys: [keyRecord(created: date("2026-08-25T00:00:00Z"))])
        #expect(result.map(\.severity) == [.low])
    }

    @Test func youngKeyPasses() {
        #expect(findings(of: RotationAgeCheck(), keys: [keyRecord(created: date("2026-10-01T00:00:00Z"))]).isEmpty)
    }

    @Test func appOverrideReplacesTheDefaultAge() {
        let app = appPolicy(requirements: KeyRequirements.standard.applying(KeyRequirementOverrides(maxKeyAgeDays: 365)))
        #expect(findings(of: RotationAgeCheck(), apps: [app], keys: [keyRecord(created: date("2026-06-01T00:00:00Z"))]).isEmpty)
    }
}

@Suite struct IPWhitelistCheckTests {
    @Test func unboundKeyIsReported() {
        let result = findings(of: IPWhitelistCheck(), keys: [keyRecord(ips: [])])
        #expect(result.map(\.message) == ["key k1 is not bound to any IP address"])
    }

    @Test func keyBoundToEveryAddressIsReported() {
        #expect(findings(of: IPWhitelistCheck(), keys: [keyRecord(ips: ["0.0.0.0/0"])]).count == 1)
        #expect(findings(of: IPWhitelistCheck(), keys: [keyRecord(ips: ["*"])]).count == 1)
    }

    @Test func addressOutsideTheAllowedNetworksIsReported() throws {
        let app = appPolicy(ipNetworks: ["203.0.113.0/28"])
        let finding = try #require(findings(of: IPWhitelistCheck(), apps: [app], keys: [keyRecord(ips: ["203.0.113.5", "198.51.100.7"])]).first)
        #expect(evidence(finding, "outside") == "198.51.100.7")
    }

    @Test func addressInsideTheAllowedNetworksPasses() {
        let app = appPolicy(ipNetworks: ["203.0.113.0/28", "2001:db8::/32"])
        #expect(findings(of: IPWhitelistCheck(), apps: [app], keys: [keyRecord(ips: ["203.0.113.5", "2001:db8::1"])]).isEmpty)
    }

    @Test func restrictionWithoutAListCountsAsBoundAndIsNotCalledOutside() {
        let app = appPolicy(ipNetworks: ["203.0.113.0/28"])
        let key = keyRecord(provider: .binance, ips: [], ipsUnlisted: true)
        #expect(findings(of: IPWhitelistCheck(), apps: [app], keys: [key]).isEmpty)
        #expect(findings(of: IPWhitelistCheck(), keys: [key]).isEmpty)
    }

    @Test func unboundKeyPassesWhenBindingIsNotRequired() {
        let app = appPolicy(requirements: KeyRequirements(requireIPBinding: false))
        #expect(findings(of: IPWhitelistCheck(), apps: [app], keys: [keyRecord(ips: [])]).isEmpty)
    }

    @Test func keyBoundToEveryAddressPassesWhenNothingIsRequired() {
        let app = appPolicy(requirements: KeyRequirements(requireIPBinding: false))
        #expect(findings(of: IPWhitelistCheck(), apps: [app], keys: [keyRecord(ips: ["*"])]).isEmpty)
        let restricted = appPolicy(ipNetworks: ["203.0.113.0/24"], requirements: KeyRequirements(requireIPBinding: false))
        #expect(findings(of: IPWhitelistCheck(), apps: [restricted], keys: [keyRecord(ips: ["*"])]).count == 1)
    }

    @Test func undeclaredKeyIsHeldToThePolicyDefaults() {
        let key = keyRecord(label: "nobody", ips: [])
        #expect(findings(of: IPWhitelistCheck(), keys: [key], defaults: KeyRequirements(requireIPBinding: false)).isEmpty)
        #expect(findings(of: IPWhitelistCheck(), keys: [key], defaults: KeyRequirements(requireIPBinding: true)).count == 1)
    }
}

@Suite struct OneKeyPerAppCheckTests {
    @Test func appWithTwoActiveKeysIsReported() throws {
        let finding = try #require(findings(of: OneKeyPerAppCheck(), keys: [keyRecord("k1"), keyRecord("k2")]).first)
        #expect(finding.app == "bot")
        #expect(evidence(finding, "keyIds") == "k1, k2")
    }

    @Test func keyServingTwoAppsIsReported() {
        let apps = [appPolicy("bot"), appPolicy("other", keyIds: ["k1"])]
        #expect(findings(of: OneKeyPerAppCheck(), apps: apps, keys: [keyRecord("k1")]).map(\.message) == ["key k1 serves 2 apps: bot, other"])
    }

    @Test func oneActiveKeyPlusADisabledOnePasses() {
        #expect(findings(of: OneKeyPerAppCheck(), keys: [keyRecord("k1"), keyRecord("k2", status: .disabled)]).isEmpty)
    }
}

@Suite struct UnmanagedKeyCheckTests {
    @Test func keyNoAppDeclaresIsReported() {
        let result = findings(of: UnmanagedKeyCheck(), keys: [keyRecord("k9", label: "old-script")])
        #expect(result.map(\.keyId) == ["k9"])
        #expect(result.map(\.severity) == [.high])
    }

    @Test func keyOnASubAccountTheAppDoesNotNameIsUnmanaged() {
        #expect(findings(of: UnmanagedKeyCheck(), keys: [keyRecord(subAccount: "desk2")]).count == 1)
    }

    @Test func declaredKeyPasses() {
        #expect(findings(of: UnmanagedKeyCheck(), keys: [keyRecord()]).isEmpty)
    }
}

@Suite struct MissingKeyCheckTests {
    @Test func appWithoutKeyIsReportedAsInfo() {
        let result = findings(of: MissingKeyCheck(), keys: [keyRecord(label: "someone-else")])
        #expect(result.map(\.app) == ["bot"])
        #expect(result.map(\.severity) == [.info])
    }

    @Test func appWhoseOnlyKeyIsExpiredIsReported() {
        #expect(findings(of: MissingKeyCheck(), keys: [keyRecord(status: .expired)]).count == 1)
    }

    @Test func appWithKeyPasses() {
        #expect(findings(of: MissingKeyCheck(), keys: [keyRecord()]).isEmpty)
    }
}

@Suite struct UnusedKeyCheckTests {
    @Test func keyIdleLongerThanAllowedIsReported() throws {
        let finding = try #require(findings(of: UnusedKeyCheck(), keys: [keyRecord(lastUsed: date("2026-09-20T00:00:00Z"))]).first)
        #expect(evidence(finding, "idleDays") == "61")
        #expect(finding.severity == .medium)
    }

    @Test func recentlyUsedKeyPasses() {
        #expect(findings(of: UnusedKeyCheck(), keys: [keyRecord(lastUsed: date("2026-11-19T00:00:00Z"))]).isEmpty)
    }

    @Test func keyWithoutLastUseIsNotJudged() {
        #expect(findings(of: UnusedKeyCheck(), keys: [keyRecord(lastUsed: nil)]).isEmpty)
    }
}

@Suite struct ExpiringKeyCheckTests {
    @Test func providerExpiryInsideTheWarningWindowIsMedium() throws {
        let finding = try #require(findings(of: ExpiringKeyCheck(), keys: [keyRecord(provider: .bybit, expires: date("2026-11-28T00:00:00Z"))],
                                            defaults: .standard).first)
        #expect(finding.severity == .medium)
        #expect(finding.message == "key k1 stops working on 2026-11-28 (in 8 days): "
            + "Bybit expires the key (keys without an IP binding, and every key after a password change)")
    }

    @Test func passedExpiryIsHigh() {
        let result = findings(of: ExpiringKeyCheck(), keys: [keyRecord(expires: date("2026-11-19T00:00:00Z"))])
        #expect(result.map(\.severity) == [.high])
    }

    @Test func distantExpiryPasses() {
        #expect(findings(of: ExpiringKeyCheck(), keys: [keyRecord(expires: date("2027-06-01T00:00:00Z"))]).isEmpty)
    }

    @Test func okxDeletesUnboundTradeKeysAfterFourteenIdleDays() throws {
        let key = keyRecord(ips: [], created: date("2026-11-10T08:00:00Z"))
        let finding = try #require(findings(of: ExpiringKeyCheck(), keys: [key]).first)
        #expect(evidence(finding, "deadline") == "2026-11-24T08:00:00Z")
        #expect(evidence(finding, "reason") == "OKX deletes unbound trade/withdraw keys after 14 idle days")
    }

    @Test func okxLifecycleCountsIdleDaysFromLastUse() {
        let key = keyRecord(ips: [], created: date("2026-01-01T00:00:00Z"), lastUsed: date("2026-11-19T00:00:00Z"))
        let finding = findings(of: ExpiringKeyCheck(), keys: [key]).first
        #expect(finding.flatMap { evidence($0, "deadline") } == "2026-12-03T00:00:00Z")
    }

    @Test func okxReadOnlyOrBoundKeysAreNotDeleted() {
        let readOnly = keyRecord("k1", permissions: [.read], ips: [])
        let bound = keyRecord("k2", ips: ["203.0.113.5"])
        #expect(findings(of: ExpiringKeyCheck(), keys: [readOnly, bound]).isEmpty)
    }

    @Test func binanceDropsTradingOnUnboundKeysAfterThirtyDays() {
        // Used yesterday, so the deletion of idle unbound keys is a month away; trading was dropped already.
        let key = keyRecord(provider: .binance, ips: [], created: date("2026-10-01T00:00:00Z"), lastUsed: date("2026-11-19T00:00:00Z"))
        let result = findings(of: ExpiringKeyCheck(), apps: [appPolicy(provider: .binance)], keys: [key])
        #expect(result.map(\.severity) == [.high])
        #expect(result.first.flatMap { evidence($0, "reason") } == "Binance drops trading on keys without an IP whitelist after 30 days")
    }

    @Test func bybitAndGateInvalidateUnboundKeysAfterNinetyDays() {
        let bybit = keyRecord("b", provider: .bybit, ips: ["*"], created: date("2026-08-25T00:00:00Z"))
        let gate = keyRecord("g", provider: .gate, ips: [], created: date("2026-08-26T00:00:00Z"))
        let young = keyRecord("y", provider: .gate, ips: [], created: date("2026-10-01T00:00:00Z"))
        #expect(findings(of: ExpiringKeyCheck(), keys: [bybit, gate, young]).map(\.keyId) == ["b", "g"])
    }
}

@Suite struct LeakedLiveKeyCheckTests {
    let leak = LeakedKeyReference(keyId: "k1", rule: "okx-api-key", path: "deploy/okx.env", line: 3, fingerprint: String(repeating: "a", count: 64))

    @Test func leakedKeyThatIsActiveIsCritical() throws {
        let finding = try #require(findings(of: LeakedLiveKeyCheck(), keys: [keyRecord()], leaks: [leak]).first)
        #expect(finding.severity == .critical)
        #expect(finding.message == "key k1 leaked at deploy/okx.env:3 is active on okx/main")
        #expect(finding.location == SourceLocation(file: "deploy/okx.env", line: 3, column: 1))
    }

    @Test func leakedKeyThatIsDisabledPasses() {
        #expect(findings(of: LeakedLiveKeyCheck(), keys: [keyRecord(status: .disabled)], leaks: [leak]).isEmpty)
    }

    @Test func leakedKeyNotInTheInventoryPasses() {
        #expect(findings(of: LeakedLiveKeyCheck(), keys: [keyRecord("other")], leaks: [leak]).isEmpty)
    }
}

@Suite struct WaiverExpiredCheckTests {
    @Test func waiverPastItsExpiryIsReported() throws {
        let finding = try #require(findings(of: WaiverExpiredCheck(), keys: [keyRecord()],
                                            waivers: [waiver("rotation-age", target: "bot", expires: "2026-11-01")]).first)
        #expect(finding.severity == .high)
        #expect(finding.app == "bot")
        #expect(finding.message == "waiver of rotation-age for bot expired on 2026-11-01")
    }

    @Test func waiverInForcePasses() {
        #expect(findings(of: WaiverExpiredCheck(), keys: [keyRecord()],
                         waivers: [waiver("rotation-age", target: "bot", expires: "2027-01-01")]).isEmpty)
    }
}
