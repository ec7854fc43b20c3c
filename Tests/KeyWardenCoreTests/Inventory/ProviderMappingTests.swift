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

/// Each mapping on the documented example responses (exchanges.md §1).
@Suite struct ProviderMappingTests {
    func json(_ text: String) throws -> JSONCursor { try JSONCursor.parse(Data(text.utf8)) }

    @Test func okxConfigDescribesTheCallingKeyWithAllItsPermissions() throws {
        let body = try json(#"{"code":"0","data":[{"uid":"44705892343619584","mainUid":"44705892343619584","label":"v5 test","ip":"","perm":"read_only,withdraw,trade","type":"0"}],"msg":""}"#)
        let entry = try body.field("data").array()[0]
        let key = try OKXKeyMapping.callingKey(entry, keyId: "my-key", account: "main")
        #expect(key.keyId == "my-key")
        #expect(key.label == "v5 test")
        #expect(key.permissions == [.read, .trade, .withdraw])
        #expect(key.rawPermissions == ["read_only", "withdraw", "trade"])
        #expect(key.ips.isEmpty)
        #expect(try OKXKeyMapping.isMainAccount(entry))
    }

    @Test func okxSubAccountKeysCarryTheirSubAccountIPsAndCreationTime() throws {
        let body = try json(#"{"code":"0","data":[{"label":"v5","apiKey":"******","perm":"read_only,trade","ip":"1.1.1.1,2.2.2.2","ts":"1597026383085"}],"msg":""}"#)
        let keys = try OKXKeyMapping.subAccountKeys(body.field("data"), subAccount: "sub1", account: "main")
        #expect(keys.count == 1)
        #expect(keys[0].subAccount == "sub1")
        #expect(keys[0].permissions == [.read, .trade])
        #expect(keys[0].ips == ["1.1.1.1", "2.2.2.2"])
        #expect(keys[0].created == Date(timeIntervalSince1970: 1_597_026_383.085))
    }

    @Test func binanceRestrictionsMapEnabledFlagsToPermissions() throws {
        let body = try json(#"{"ipRestrict":false,"createTime":1698645219000,"enableReading":true,"enableWithdrawals":false,"enableSpotAndMarginTrading":false}"#)
        let key = try BinanceKeyMapping.callingKey(body, keyId: "k", account: "main")
        #expect(key.permissions == [.read])
        #expect(key.rawPermissions == ["enableReading"])
        #expect(key.ips.isEmpty)
        #expect(key.created == Date(timeIntervalSince1970: 1_698_645_219))
    }

    @Test func binanceIPRestrictionWithoutAListIsMarkedBoundNotInvented() throws {
        let body = try json(#"{"ipRestrict":true,"enableReading":true,"enableWithdrawals":true,"tradingAuthorityExpirationTime":1700000000000}"#)
        let key = try BinanceKeyMapping.callingKey(body, keyId: "k", account: "main")
        #expect(key.ipBinding == .unlisted)
        #expect(key.ips.isEmpty)
        #expect(key.permissions == [.read, .withdraw])
        #expect(key.expires == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func bybitReadOnlyKeyIsReadOnlyWhateverItsPermissionGroups() throws {
        let body = try json(#"{"retCode":0,"result":{"readOnly":1,"permissions":{"Spot":["SpotTrade"],"Wallet":["AccountTransfer"]},"ips":["18.181.170.164"],"type":1,"deadlineDay":-2,"expiredAt":"1970-01-01T00:00:00Z","createdAt":"2025-10-13T03:20:45Z","isMaster":true}}"#)
        let key = try BybitKeyMapping.key(body.field("result"), account: "main", fallbackKeyId: "k")
        #expect(key.keyId == "k")
        #expect(key.permissions == [.read])
        #expect(key.rawPermissions == ["SpotTrade", "AccountTransfer"])
        #expect(key.ips == ["18.181.170.164"])
        #expect(key.expires == nil)
        #expect(key.created == Date(timeIntervalSince1970: 1_760_325_645))
    }

    @Test func bybitWritableKeyGetsTradeTransferAndWithdrawFromItsGroups() throws {
        let body = try json(#"{"readOnly":false,"apiKey":"sub","status":2,"permissions":{"Spot":["SpotTrade"],"Wallet":["AccountTransfer","Withdraw"]},"ips":["*"],"expiredAt":"2027-01-01T00:00:00Z"}"#)
        let key = try BybitKeyMapping.key(body, account: "main", subAccount: "bot")
        #expect(key.permissions == [.read, .trade, .transfer, .withdraw])
        #expect(key.ips.isEmpty)
        #expect(key.status == .expired)
        #expect(key.subAccount == "bot")
        #expect(key.expires != nil)
    }

    @Test func kucoinPermissionListMapsGeneralToRead() throws {
        let body = try json(#"{"code":"200000","data":{"remark":"account1","apiKey":"6705f5c311545b000157d3eb","apiVersion":3,"permission":"General,Futures,Spot","ipWhitelist":"203.**.154,103.**.34","createdAt":1728443843000,"isMaster":true}}"#)
        let key = try KuCoinKeyMapping.key(body.field("data"), account: "main")
        #expect(key.keyId == "6705f5c311545b000157d3eb")
        #expect(key.label == "account1")
        #expect(key.permissions == [.read, .trade])
        #expect(key.rawPermissions == ["General", "Futures", "Spot"])
        #expect(key.ips == ["203.**.154", "103.**.34"])
        #expect(key.created == Date(timeIntervalSince1970: 1_728_443_843))
    }

    @Test func coinbaseTransferMeansWithdraw() throws {
        let body = try json(#"{"can_view":true,"can_trade":false,"can_transfer":true,"portfolio_uuid":"p-1","portfolio_type":"DEFAULT"}"#)
        let key = try CoinbaseKeyMapping.callingKey(body, keyName: "organizations/o/apiKeys/k", account: "main")
        #expect(key.permissions == [.read, .withdraw])
        #expect(key.rawPermissions == ["can_view", "can_transfer"])
    }

    @Test func krakenKeyInfoCarriesTimesAndAllowlist() throws {
        let body = try json(#"{"error":[],"result":{"apiKeyName":"audit","apiKey":"K","permissions":["query-funds","withdraw-funds"],"ipAllowlist":["198.51.100.7"],"validUntil":"1600000000","createdTime":"1500000000","modifiedTime":"1500000100","lastUsed":"1590000000"}}"#)
        let key = try KrakenKeyMapping.key(body.field("result"), account: "main", now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(key.permissions == [.read, .withdraw])
        #expect(key.ips == ["198.51.100.7"])
        #expect(key.lastUsed == Date(timeIntervalSince1970: 1_590_000_000))
        #expect(key.status == .expired)
    }

    @Test func gateAccountDetailGivesIPsButSaysPermissionsAreNotReported() throws {
        let body = try json(#"{"user_id":1667201533,"ip_whitelist":["127.0.0.1"],"currency_pairs":["USDT_BTC"],"key":{"mode":1},"tier":2}"#)
        let key = try GateKeyMapping.callingKey(body, keyId: "k", account: "main")
        #expect(key.ips == ["127.0.0.1"])
        #expect(key.permissions.isEmpty)
        #expect(key.rawPermissions == [GateKeyMapping.permissionsNotReported])
    }

    @Test func bitgetAuthoritiesMapByTheirSuffix() throws {
        let body = try json(#"{"code":"00000","data":{"userId":"1","ips":"127.0.0.1,10.0.0.1","authorities":["trade","readonly","wwow","stow"]}}"#)
        let key = try BitgetKeyMapping.callingKey(body.field("data"), keyId: "bg_k", account: "main")
        #expect(key.permissions == [.read, .trade, .withdraw])
        #expect(key.ips == ["127.0.0.1", "10.0.0.1"])
    }

    @Test func aMissingFieldNamesItsPath() throws {
        let body = try json(#"{"code":"0","data":[{"label":"x"}]}"#)
        #expect(throws: MalformedResponse(path: "$.data[0].perm", "missing")) {
            try OKXKeyMapping.callingKey(body.field("data").array()[0], keyId: "k", account: "main")
        }
    }

    @Test func aNonJSONBodyIsMalformed() {
        #expect(throws: MalformedResponse.self) { try JSONCursor.parse(Data("<html>".utf8)) }
    }
}
