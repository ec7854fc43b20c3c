import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport

/// Keys that will stop working soon: a provider-side expiry date (Bybit `expiredAt`, Kraken
/// `validUntil`, Binance `tradingAuthorityExpirationTime`) or an exchange lifecycle rule.
/// Medium within `warningDays` of the deadline, high once it has passed.
public struct ExpiringKeyCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "expiring-key", severity: .medium,
        summary: "Key expires soon at the provider, or an exchange lifecycle rule will end it (high once past the deadline).",
        remediation: "Bind the key to the app's IP addresses (which lifts the exchanges' lifecycle limits), or create a "
            + "replacement key before the deadline and deploy it.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.liveKeys.compactMap { key in
            var deadlines: [(date: Date, reason: String)] = []
            let exchange = Exchanges.descriptor(for: key.provider)
            if let expires = key.expires { deadlines.append((expires, exchange.expiryMeaning)) }
            for rule in exchange.lifecycleRules {
                if let date = rule.deadline(key) { deadlines.append((date, rule.consequence)) }
            }
            guard let earliest = deadlines.min(by: { ($0.date, $0.reason) < ($1.date, $1.reason) }) else { return nil }
            let warning = context.requirements(for: key).warningDays
            let daysLeft = Int((earliest.date.timeIntervalSince(context.now) / 86_400).rounded(.down))
            guard earliest.date.timeIntervalSince(context.now) <= Double(warning) * 86_400 else { return nil }
            let passed = earliest.date <= context.now
            let when = ISO8601Date.day(earliest.date)
            let message = passed
                ? "key \(key.keyId) passed its deadline on \(when): \(earliest.reason)"
                : "key \(key.keyId) stops working on \(when) (in \(daysLeft) days): \(earliest.reason)"
            var evidence = [Evidence("deadline", ISO8601Date.format(earliest.date)), Evidence("reason", earliest.reason),
                            Evidence("ips", key.ipsDescription)]
            if let lastUsed = key.lastUsed { evidence.append(Evidence("lastUsed", ISO8601Date.day(lastUsed))) }
            return Self.descriptor.finding(message, severity: passed ? .high : .medium, app: key.appName(in: context), key: key,
                                           evidence: evidence, location: context.location(of: key))
        }
    }
}
