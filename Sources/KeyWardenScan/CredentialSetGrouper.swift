import KeyWardenMatching
import KeyWardenReportModel
import KeyWardenRules
/// Reports the parts of one credential (an exchange API key, its secret and its passphrase) as
/// one finding, driven by rule metadata (`credentialSet`, `part`), not by provider names.
///
/// Findings of one set in one file are clustered in line order: a finding joins the current
/// cluster when it is at most `maximumGap` lines after the cluster's last part and its part is
/// not in the cluster yet (a second `api_key` starts the next set). A cluster is reported at its
/// secret (else its passphrase, else its key) with `keyId` = the key in full and the other parts'
/// locations in `parts`, and the passphrase's value kept (never reported) for verification. A part with no partner nearby is still reported on its own,
/// except a public key part whose rule says `reportAlone: false` (a client id, a sending domain).
public struct CredentialSetGrouper: Sendable {
    /// Lines allowed between neighbouring parts: a YAML section's comment and blank line fit.
    public static let maximumGap = 4

    private let memberships: [String: (set: String, part: CredentialPart)]
    /// Rules of public key parts that are not findings on their own.
    private let onlyInASet: Set<String>

    public init(rules: [Rule]) {
        var memberships: [String: (set: String, part: CredentialPart)] = [:]
        for rule in rules {
            if let set = rule.credentialSet, let part = rule.part { memberships[rule.id] = (set, part) }
        }
        self.memberships = memberships
        onlyInASet = Set(rules.filter { !$0.reportAlone }.map(\.id))
    }

    /// `findings` of one file, with each set's parts merged into one finding.
    public func group(_ findings: [Finding]) -> [Finding] {
        var others: [Finding] = []
        var bySet: [String: [(Finding, CredentialPart)]] = [:]
        for finding in findings {
            if let membership = memberships[finding.rule] {
                bySet[membership.set, default: []].append((finding, membership.part))
            } else {
                others.append(finding)
            }
        }
        for set in bySet.keys.sorted() {
            let members = bySet[set]!.sorted { Finding.reportOrder($0.0, $1.0) }
            for cluster in clusters(members) {
                if cluster.count == 1, let key = cluster[.key], onlyInASet.contains(key.rule) { continue }
                var merged = merge(cluster)
                merged.credentialSet = set
                others.append(merged)
            }
        }
        return others.sorted(by: Finding.reportOrder)
    }

    private func clusters(_ members: [(Finding, CredentialPart)]) -> [[CredentialPart: Finding]] {
        var clusters: [[CredentialPart: Finding]] = []
        var current: [CredentialPart: Finding] = [:]
        var lastLine = Int.min
        for (finding, part) in members {
            let joins = !current.isEmpty && current[part] == nil && finding.line - lastLine <= Self.maximumGap + 1
            if !joins, !current.isEmpty {
                clusters.append(current)
                current = [:]
            }
            current[part] = finding
            lastLine = max(lastLine, finding.endLine)
        }
        if !current.isEmpty { clusters.append(current) }
        return clusters
    }

    private func merge(_ cluster: [CredentialPart: Finding]) -> Finding {
        let chosen = cluster[.secret] ?? cluster[.passphrase] ?? cluster[.key]!
        var reported = chosen
        reported.keyId = cluster[.key]?.secret
        reported.passphrase = cluster[.passphrase]?.secret
        let partners = CredentialPart.allCases.compactMap { cluster[$0] }.filter { $0 != chosen }
        if !partners.isEmpty {
            reported.parts = partners.map { CredentialPartLocation(rule: $0.rule, line: $0.line, column: $0.column, endLine: $0.endLine) }
        }
        return reported
    }
}
