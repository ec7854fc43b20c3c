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
import KeyWardenTestSupport
import Testing

/// Linting policies: every diagnostic names its exact line and column.
@Suite struct PolicyLintTests {
    func lint(_ text: String) -> [String] {
        PolicyLoader.lint(text, file: "p.yaml", now: auditNow, vocabulary: PolicyAudit.vocabulary).diagnostics.map(\.description)
    }

    /// A valid app at line 3, for tests that vary one field.
    func policy(app: String = "", waivers: String = "") -> String {
        """
        version: 1
        apps:
          - name: bot
            owner: desk@example.com
            provider: okx
            account: main
            permissions: [read, trade]
        \(app)
        \(waivers)
        """
    }

    @Test func validPolicyHasNoDiagnostics() {
        #expect(lint(policy()) == [])
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() {
        #expect(lint("version: 1\ndefaults:\n  maxKeyAge: 90\n")
                == ["p.yaml:3:3: error: unknown key 'maxKeyAge' in defaults (did you mean 'maxKeyAgeDays'?)"])
    }

    @Test func unknownAppKeySuggestsTheClosestKnownKey() {
        #expect(lint(policy(app: "    ipNetwork: [10.0.0.0/8]"))
                == ["p.yaml:8:5: error: unknown key 'ipNetwork' in app 'bot' (did you mean 'ipNetworks'?)"])
    }

    @Test func wrongTypePointsAtTheValue() {
        #expect(lint("version: 1\ndefaults:\n  unusedKeyDays: soon\n")
                == ["p.yaml:3:18: error: expected an integer, found 'soon'"])
    }

    @Test func wrongTypeForAListPointsAtTheValue() {
        #expect(lint("version: 1\napps: {name: bot}\n") == ["p.yaml:2:7: error: expected a list, found a mapping"])
    }

    @Test func invalidCIDRIsAnError() {
        #expect(lint(policy(app: "    ipNetworks: [10.0.0.0/8, 10.0.0.0/33, 300.1.1.1]")) == [
            "p.yaml:8:30: error: invalid CIDR '10.0.0.0/33': expected an IPv4 or IPv6 address with an optional /prefix",
            "p.yaml:8:43: error: invalid CIDR '300.1.1.1': expected an IPv4 or IPv6 address with an optional /prefix",
        ])
    }

    @Test func networkAllowingEveryAddressIsAWarning() {
        #expect(lint(policy(app: "    ipNetworks: [0.0.0.0/0]"))
                == ["p.yaml:8:18: warning: '0.0.0.0/0' allows every address: it is the same as no IP restriction"])
    }

    @Test func permissionUnknownForTheProviderIsAnError() throws {
        let text = """
        version: 1
        apps:
          - name: bot
            owner: desk@example.com
            provider: okx
            account: main
            permissions: [read, trad, transfer]
        """
        let diagnostics = lint(text)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].hasPrefix("p.yaml:7:25: error: permission 'trad' is unknown for OKX (did you mean 'trade'?); known: "))
        #expect(diagnostics[1].hasPrefix("p.yaml:7:31: error: permission 'transfer' is unknown for OKX"))
    }

    @Test func providerOwnPermissionNamesAreAccepted() {
        let text = """
        version: 1
        apps:
          - name: bot
            owner: desk@example.com
            provider: bybit
            account: main
            permissions: [SpotTrade, Order]
        """
        let lint = PolicyLoader.lint(text, file: "p.yaml", now: auditNow, vocabulary: PolicyAudit.vocabulary)
        #expect(lint.diagnostics.isEmpty)
        #expect(lint.policy.apps.first?.permissions == [.trade])
    }

    @Test func waiverWithoutExpiryIsAnError() {
        let waivers = """
        waivers:
          - check: ip-whitelist
            target: bot
            owner: cto@example.com
            reason: moving data centres
        """
        #expect(lint(policy(waivers: waivers)) == ["p.yaml:10:5: error: waiver is missing required key 'expires'"])
    }

    @Test func waiverMoreThanAYearAwayIsAnError() {
        let waivers = """
        waivers:
          - check: ip-whitelist
            target: bot
            owner: cto@example.com
            reason: moving data centres
            expires: 2027-12-01
        """
        #expect(lint(policy(waivers: waivers)) == [
            "p.yaml:14:14: error: waiver expires 2027-12-01, more than a year after 2026-11-20: waivers must be renewed at least yearly",
        ])
    }

    @Test func expiredWaiverIsAWarning() {
        let waivers = """
        waivers:
          - check: ip-whitelist
            target: bot
            owner: cto@example.com
            reason: moving data centres
            expires: 2026-11-01
        """
        #expect(lint(policy(waivers: waivers))
                == ["p.yaml:14:14: warning: waiver expired on 2026-11-01: the finding it hid is reported again"])
    }

    @Test func waiverForAnUnknownCheckSuggestsTheClosest() {
        let waivers = """
        waivers:
          - check: ip-whitlist
            target: bot
            owner: cto@example.com
            reason: moving data centres
            expires: 2027-01-01
        """
        #expect(lint(policy(waivers: waivers)) == ["p.yaml:10:12: error: unknown check 'ip-whitlist' (did you mean 'ip-whitelist'?)"])
    }

    @Test func duplicateAppNamesAreAnError() {
        let app = """
          - name: bot
            owner: other@example.com
            provider: okx
            account: main
            permissions: [read]
        """
        #expect(lint(policy(app: app)) == ["p.yaml:8:11: error: duplicate app name 'bot' (first declared at p.yaml:3:11)"])
    }

    @Test func appWithoutOwnerIsAnError() {
        let text = """
        version: 1
        apps:
          - name: bot
            provider: okx
            account: main
            permissions: [read]
        """
        #expect(lint(text) == ["p.yaml:3:5: error: app 'bot' is missing required key 'owner'"])
    }

    @Test func unknownProviderSuggestsTheClosest() {
        let text = "version: 1\napps:\n  - name: bot\n    owner: a\n    provider: binanse\n    account: main\n    permissions: [read]\n"
        #expect(lint(text) == ["p.yaml:5:15: error: 'binanse' is not one of okx, binance, bybit, kucoin, coinbase, kraken, gate, bitget (did you mean 'binance'?)"])
    }

    @Test func unsupportedVersionIsAnError() {
        #expect(lint("version: 2\n") == ["p.yaml:1:10: error: unsupported policy version 2: this keywarden reads version 1"])
    }

    @Test func everyProblemIsReportedInOneRun() {
        let text = """
        version: 1
        defaults:
          warningDays: -1
        apps:
          - name: bot
            provider: okx
            account: main
            permissions: [read]
            ipNetworks: [not-a-network]
        """
        #expect(lint(text) == [
            "p.yaml:3:16: error: expected a whole number of at least 0, found -1",
            "p.yaml:5:5: error: app 'bot' is missing required key 'owner'",
            "p.yaml:9:18: error: invalid CIDR 'not-a-network': expected an IPv4 or IPv6 address with an optional /prefix",
        ])
    }

    @Test func malformedYAMLIsASingleLocatedError() {
        let diagnostics = lint("version: 1\napps: [unclosed\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("p.yaml:") == true)
        #expect(diagnostics.first?.contains("malformed YAML") == true)
    }

    @Test func shippedTemplatesAndSamplesLintClean() throws {
        for file in ["Rules/policies/strict-default.yaml", "Rules/policies/trading-bot.yaml", "Samples/policies/trading-desk.yaml"] {
            let lint = PolicyLoader.lint(path: PackagePaths.root + "/" + file, now: auditNow, vocabulary: PolicyAudit.vocabulary)
            #expect(lint.errors.isEmpty, "\(file): \(lint.errors)")
        }
    }

    @Test func overridesReplaceDefaultsForOneApp() throws {
        let text = policy(app: "    overrides:\n      maxKeyAgeDays: 30\n      requireIPBinding: false")
        let lint = PolicyLoader.lint(text, file: "p.yaml", now: auditNow, vocabulary: PolicyAudit.vocabulary)
        let app = try #require(lint.policy.apps.first)
        #expect(lint.diagnostics.isEmpty)
        #expect(app.requirements.maxKeyAgeDays == 30)
        #expect(app.requirements.requireIPBinding == false)
        #expect(app.requirements.unusedKeyDays == KeyRequirements.standard.unusedKeyDays)
    }
}
