import Foundation
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenInventory
@testable import KeyWardenPolicy
import KeyWardenTestSupport
import Testing

/// The exchanges' own key rules (Docs/inventory.md, "The exchanges' key rules") as the
/// expiring-key, least-privilege and one-key-per-app checks apply them.
@Suite struct ExchangeKeyRulesTests {
    // MARK: Binance

    @Test func binanceDeletesUnboundKeysHoldingMoreThanReadingAfterThirtyDaysUnused() throws {
        // Transfer, not trade: Binance's 30-day drop of trading does not apply, the deletion does.
        let key = keyRecord(provider: .binance, permissions: [.read, .transfer], ips: [], created: date("2026-06-01T00:00:00Z"),
                            lastUsed: date("2026-10-25T00:00:00Z"))
        let finding = try #require(findings(of: ExpiringKeyCheck(), apps: [appPolicy(provider: .binance)], keys: [key]).first)
        #expect(evidence(finding, "deadline") == "2026-11-24T00:00:00Z")
        #expect(evidence(finding, "reason") == "Binance deletes keys without an IP restriction that hold more than reading after 30 days unused")
        #expect(finding.severity == .medium)
    }

    @Test func binanceKeepsReadOnlyAndRestrictedKeys() {
        let readOnly = keyRecord("r", provider: .binance, permissions: [.read], ips: [], created: date("2026-01-01T00:00:00Z"))
        let restricted = keyRecord("x", provider: .binance, ips: [], ipsUnlisted: true, created: date("2026-01-01T00:00:00Z"))
        #expect(findings(of: ExpiringKeyCheck(), apps: [appPolicy(provider: .binance)], keys: [readOnly, restricted]).isEmpty)
    }

    @Test func binanceTradingAuthorityExpirationIsTheKeysExpiryInBinancesWords() throws {
        let body = try JSONCursor.parse(Data(#"{"ipRestrict":true,"createTime":1763000000000,"enableReading":true,"enableSpotAndMarginTrading":true,"tradingAuthorityExpirationTime":1795996800000}"#.utf8))
        let key = try BinanceKeyMapping.callingKey(body, keyId: "b1", account: "main")
        #expect(key.expires == date("2026-11-30T00:00:00Z"))
        let finding = try #require(findings(of: ExpiringKeyCheck(), apps: [appPolicy(provider: .binance)], keys: [key]).first)
        #expect(finding.message == "key b1 stops working on 2026-11-30 (in 10 days): "
            + "Binance ends the key's spot & margin trading (tradingAuthorityExpirationTime)")
    }

    // MARK: Bybit

    @Test func bybitExpiresABoundKeyAfterAPasswordChange() throws {
        // A bound key has `expiredAt` only because the account's password changed.
        let body = try JSONCursor.parse(Data(#"{"readOnly":0,"apiKey":"by1","permissions":{"Spot":["SpotTrade"]},"ips":["203.0.113.5"],"type":1,"expiredAt":"2026-11-27T00:00:00Z","createdAt":"2026-11-01T00:00:00Z"}"#.utf8))
        let key = try BybitKeyMapping.key(body, account: "main")
        #expect(!key.isUnbound && key.expires == date("2026-11-27T00:00:00Z") && !key.thirdParty)
        let finding = try #require(findings(of: ExpiringKeyCheck(), apps: [appPolicy(provider: .bybit, keyIds: ["by1"])], keys: [key]).first)
        #expect(evidence(finding, "reason") == "Bybit expires the key (keys without an IP binding, and every key after a password change)")
    }

    @Test func bybitMarksThirdPartyAppKeysAndLeastPrivilegeSaysSo() throws {
        let body = try JSONCursor.parse(Data(#"{"readOnly":0,"apiKey":"by2","permissions":{"Wallet":["AccountTransfer"]},"ips":["203.0.113.5"],"type":2}"#.utf8))
        let key = try BybitKeyMapping.key(body, account: "main")
        #expect(key.thirdParty)
        let finding = try #require(findings(of: LeastPrivilegeCheck(), apps: [appPolicy(provider: .bybit, keyIds: ["by2"])], keys: [key]).first)
        #expect(finding.message == "key by2 of app 'bot' (issued to a third-party app) holds transfer beyond what the policy allows")
        #expect(evidence(finding, "issuedTo") == "a third-party app connected to the account")
    }

    @Test func theThirdPartyMarkSurvivesASnapshotFile() throws {
        let key = keyRecord("by3", provider: .bybit, label: "copy-trading", permissions: [.read, .trade])
        var marked = keyRecord("by4", provider: .bybit, label: "copy-trading", permissions: [.read, .trade])
        marked.thirdParty = true
        let data = try InventorySnapshotWriter.encode(InventorySnapshot(provider: .bybit, account: "main", fetchedAt: auditNow, keys: [key, marked]))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.components(separatedBy: "\"thirdParty\"").count == 2, "written for the marked key only")
        let read = try InventorySnapshotFile.parse(text, file: "bybit.json").snapshot.keys
        #expect(read.map(\.keyId) == ["by3", "by4"] && read.map(\.thirdParty) == [false, true])
    }

    // MARK: Kraken

    @Test func krakenValidUntilIsTheKeysExpiryInKrakensWords() throws {
        let key = keyRecord("kr1", provider: .kraken, expires: date("2026-11-25T00:00:00Z"))
        let finding = try #require(findings(of: ExpiringKeyCheck(), apps: [appPolicy(provider: .kraken, keyIds: ["kr1"])], keys: [key]).first)
        #expect(evidence(finding, "reason") == "the key's valid-until date set on Kraken passes")
    }

    // MARK: Coinbase

    @Test func twoAppsWithKeysOnOneCoinbasePortfolioShareIt() throws {
        let portfolio = "portfolio 8b1b57e4-e5b6-4a5c-9f8c-4c4a9f5f5a1d"
        let apps = [appPolicy("alpha", provider: .coinbase, subAccount: portfolio, keyIds: ["c1"]),
                    appPolicy("beta", provider: .coinbase, subAccount: portfolio, keyIds: ["c2"])]
        let keys = [keyRecord("c1", provider: .coinbase, subAccount: portfolio, label: nil),
                    keyRecord("c2", provider: .coinbase, subAccount: portfolio, label: nil)]
        let finding = try #require(findings(of: OneKeyPerAppCheck(), apps: apps, keys: keys).first)
        #expect(finding.message == "apps alpha, beta share Coinbase \(portfolio) through keys c1, c2")
        #expect(evidence(finding, "scope") == portfolio)
    }

    @Test func coinbaseAppsOnSeparatePortfoliosShareNothing() {
        let apps = [appPolicy("alpha", provider: .coinbase, subAccount: "portfolio p-1", keyIds: ["c1"]),
                    appPolicy("beta", provider: .coinbase, subAccount: "portfolio p-2", keyIds: ["c2"])]
        let keys = [keyRecord("c1", provider: .coinbase, subAccount: "portfolio p-1", label: nil),
                    keyRecord("c2", provider: .coinbase, subAccount: "portfolio p-2", label: nil)]
        #expect(findings(of: OneKeyPerAppCheck(), apps: apps, keys: keys).isEmpty)
    }

    @Test func otherExchangesHaveNoKeyScope() {
        // Two OKX apps on one sub-account are not reported as sharing: an OKX key is not scoped to funds.
        let apps = [appPolicy("alpha", subAccount: "sub1", keyIds: ["o1"]), appPolicy("beta", subAccount: "sub1", keyIds: ["o2"])]
        let keys = [keyRecord("o1", subAccount: "sub1", label: nil), keyRecord("o2", subAccount: "sub1", label: nil)]
        #expect(findings(of: OneKeyPerAppCheck(), apps: apps, keys: keys).isEmpty)
    }

    // MARK: KuCoin and Gate

    @Test func kucoinTransferIsReportedAsMovingFundsWithout2FA() throws {
        var key = keyRecord("ku1", provider: .kucoin, permissions: [.read, .withdraw])
        key.rawPermissions = ["General", "Transfer"]
        let finding = try #require(findings(of: LeastPrivilegeCheck(), apps: [appPolicy(provider: .kucoin, keyIds: ["ku1"])], keys: [key]).first)
        #expect(finding.severity == .critical)
        #expect(evidence(finding, "exchangeRule") == "KuCoin's Transfer permission moves funds without 2FA")
    }

    @Test func gateWithdrawalsGoOnlyToAddressesUsedBeforeSoTheExcessIsHighNotCritical() throws {
        var key = keyRecord("g1", provider: .gate, permissions: [.read, .trade, .transfer, .withdraw])
        key.rawPermissions = ["spot", "wallet"]
        let finding = try #require(findings(of: LeastPrivilegeCheck(), apps: [appPolicy(provider: .gate, keyIds: ["g1"])], keys: [key]).first)
        #expect(finding.severity == .high)
        #expect(evidence(finding, "exchangeRule") == "Gate sends API withdrawals only to addresses the account withdrew to by hand before")
        let okx = findings(of: LeastPrivilegeCheck(), keys: [keyRecord(permissions: [.read, .trade, .withdraw])]).first
        #expect(okx?.severity == .critical, "elsewhere withdraw stays critical")
    }
}
