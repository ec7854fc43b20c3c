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

@Suite struct IPNetworkTests {
    @Test func parsesIPv4NetworksAndAddresses() throws {
        let network = try #require(IPNetwork("203.0.113.0/24"))
        #expect(network.prefixLength == 24)
        #expect(network.description == "203.0.113.0/24")
        #expect(IPNetwork("203.0.113.7")?.prefixLength == 32)
    }

    @Test func parsesIPv6Networks() throws {
        let network = try #require(IPNetwork("2001:db8::/32"))
        #expect(network.isIPv6)
        #expect(network.description == "2001:db8::/32")
        #expect(network.contains(try #require(IPNetwork("2001:db8:1::5"))))
        #expect(!network.contains(try #require(IPNetwork("2001:db9::1"))))
    }

    @Test func rejectsMalformedText() {
        for text in ["", "10.0.0", "10.0.0.0/33", "256.1.1.1", "10.0.0.0/", "10.0.0.0/-1", "1.2.3.4/8/9", "::/129", "example.com", "*"] {
            #expect(IPNetwork(text) == nil, "\(text)")
        }
    }

    @Test func containmentFollowsThePrefix() throws {
        let network = try #require(IPNetwork("203.0.113.16/28"))
        #expect(network.contains(try #require(IPNetwork("203.0.113.20"))))
        #expect(network.contains(try #require(IPNetwork("203.0.113.16/30"))))
        #expect(!network.contains(try #require(IPNetwork("203.0.113.32"))))
        #expect(!network.contains(try #require(IPNetwork("203.0.113.0/24"))))
        #expect(!network.contains(try #require(IPNetwork("::ffff:203.0.113.20"))))
    }

    @Test func hostBitsAreClearedAndRemembered() throws {
        let network = try #require(IPNetwork("10.1.2.3/8"))
        #expect(network.hadHostBits)
        #expect(network.description == "10.0.0.0/8")
        #expect(IPNetwork("10.0.0.0/8")?.hadHostBits == false)
    }

    @Test func zeroPrefixIsEverything() {
        #expect(IPNetwork("0.0.0.0/0")?.isEverything == true)
        #expect(IPNetwork("::/0")?.isEverything == true)
        #expect(IPNetwork("0.0.0.0/1")?.isEverything == false)
    }
}
