import KeyWardenAccounts
import KeyWardenPolicy
import KeyWardenReportModel
import KeyWardenSupport
/// Keys are bound to IP addresses, never to every address, and only to addresses inside the
/// app's allowed networks.
public struct IPWhitelistCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "ip-whitelist", severity: .high,
        summary: "Key is not bound to IP addresses, is bound to every address, or to addresses outside the app's allowed networks.",
        remediation: "Bind the key to the app's egress addresses at the exchange (key settings, IP restriction), "
            + "inside the networks the policy allows.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.liveKeys.compactMap { key in
            let apps = context.apps(claiming: key)
            let allowed = apps.flatMap(\.ipNetworks)
            var evidence = [Evidence("ips", key.ipsDescription)]
            if !allowed.isEmpty { evidence.append(Evidence("allowed", allowed.map(\.description).joined(separator: ", "))) }
            let message: String
            let required = context.requirements(for: key).requireIPBinding
            if key.ipBinding == .unlisted {
                // The binding counts; its addresses cannot be checked against the allowed networks.
                return nil
            } else if key.ips.isEmpty {
                guard required else { return nil }
                message = "key \(key.keyId) is not bound to any IP address"
            } else if key.ips.contains(where: { $0 == "*" || IPNetwork($0)?.isEverything == true }) {
                // Bound to everything is no binding: wrong only where binding or networks are required.
                guard required || !allowed.isEmpty else { return nil }
                message = "key \(key.keyId) is bound to every address"
            } else if !allowed.isEmpty {
                let outside = key.ips.filter { ip in
                    guard let network = IPNetwork(ip) else { return true }
                    return !allowed.contains { $0.contains(network) }
                }
                guard !outside.isEmpty else { return nil }
                evidence.append(Evidence("outside", outside.joined(separator: ", ")))
                message = "key \(key.keyId) is bound to \(outside.joined(separator: ", ")), outside the allowed networks"
            } else {
                return nil
            }
            return Self.descriptor.finding(message, app: apps.first?.name, key: key, evidence: evidence,
                                           location: context.location(of: key))
        }
    }
}
