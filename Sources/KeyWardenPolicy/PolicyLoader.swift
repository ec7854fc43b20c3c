import Foundation
import KeyWardenAccounts
import KeyWardenSupport

/// Reads a policy file (format v1, see Docs/policy.md) and lints it in the same pass: every
/// problem becomes a located diagnostic, and the policy is built from whatever was valid.
/// Callers refuse a policy whose lint has errors (exit 2).
public enum PolicyLoader {
    /// Waivers may not run longer than this: an exception must be looked at again every year.
    public static let longestWaiverDays = 365

    public static func lint(path: String, now: Date, vocabulary: PolicyVocabulary) -> PolicyLint {
        do {
            return lint(root: try YAMLDocument.load(path: path), now: now, vocabulary: vocabulary)
        } catch {
            return PolicyLint(policy: Policy(apps: [], file: path), diagnostics: diagnostics(of: error, file: path))
        }
    }

    public static func lint(_ text: String, file: String, now: Date, vocabulary: PolicyVocabulary) -> PolicyLint {
        do {
            return lint(root: try YAMLDocument.parse(text, file: file), now: now, vocabulary: vocabulary)
        } catch {
            return PolicyLint(policy: Policy(apps: [], file: file), diagnostics: diagnostics(of: error, file: file))
        }
    }

    static func lint(root: YAMLNode, now: Date, vocabulary: PolicyVocabulary) -> PolicyLint {
        var reader = PolicyReader(collector: DiagnosticCollector(file: root.file), now: now, vocabulary: vocabulary)
        let policy = reader.policy(root)
        return PolicyLint(policy: policy, diagnostics: reader.collector.diagnostics)
    }

    private static func diagnostics(of error: Error, file: String) -> [Diagnostic] {
        (error as? DiagnosticError)?.diagnostics ?? [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")]
    }
}

/// One pass over a policy document.
private struct PolicyReader {
    var collector: DiagnosticCollector
    let now: Date
    let vocabulary: PolicyVocabulary

    mutating func policy(_ root: YAMLNode) -> Policy {
        let file = root.file
        guard let top = collector.fields(root, PolicyFormat.topFields, in: "policy") else { return Policy(apps: [], file: file) }
        if let node = top["version"], let version = collector.attempt({ try node.int() }), version != Policy.formatVersion {
            collector.add(node.diagnostic(.error, "unsupported policy version \(version): this keywarden reads version \(Policy.formatVersion)"))
        }
        var defaults = KeyRequirements.standard
        if let node = top["defaults"] {
            defaults = defaults.applying(overrides(node, in: "defaults"))
        }
        var apps: [AppPolicy] = []
        var firstDeclared: [String: SourceLocation] = [:]
        for node in top["apps"].flatMap({ n in collector.attempt { try n.list() } }) ?? [] {
            guard let (app, nameNode) = app(node, defaults: defaults) else { continue }
            if let first = firstDeclared[app.name] {
                collector.add(nameNode.diagnostic(.error, "duplicate app name '\(app.name)' (first declared at \(first))"))
                continue
            }
            firstDeclared[app.name] = nameNode.location
            apps.append(app)
        }
        var waivers: [Waiver] = []
        for node in top["waivers"].flatMap({ n in collector.attempt { try n.list() } }) ?? [] {
            if let waiver = waiver(node) { waivers.append(waiver) }
        }
        return Policy(defaults: defaults, apps: apps, waivers: waivers, file: file)
    }

    mutating func overrides(_ node: YAMLNode, in what: String) -> KeyRequirementOverrides {
        guard let fields = collector.fields(node, PolicyFormat.requirementFields, in: what) else { return KeyRequirementOverrides() }
        var result = KeyRequirementOverrides()
        result.maxKeyAgeDays = collector.days(fields["maxKeyAgeDays"])
        result.warningDays = collector.days(fields["warningDays"])
        result.unusedKeyDays = collector.days(fields["unusedKeyDays"])
        result.maxKeysPerApp = collector.days(fields["maxKeysPerApp"], minimum: 1)
        if let node = fields["requireIPBinding"] { result.requireIPBinding = collector.attempt { try node.bool() } }
        if let node = fields["forbiddenPermissions"] {
            let names = Permission.allCases.map(\.rawValue)
            result.forbiddenPermissions = Set(collector.strings(node).compactMap { text, item in
                guard let permission = Permission(rawValue: text) else {
                    collector.add(item.diagnostic(.error, "'\(text)' is not a permission (read, trade, withdraw, transfer)"
                                                  + Suggestion.didYouMean(text, among: names)))
                    return nil
                }
                return permission
            })
        }
        return result
    }

    mutating func app(_ node: YAMLNode, defaults: KeyRequirements) -> (AppPolicy, YAMLNode)? {
        let peekedName = (try? node.entries())?.first { (try? $0.key.string()) == "name" }.flatMap { try? $0.value.string() }
        let what = peekedName.map { "app '\($0)'" } ?? "app"
        guard let fields = collector.fields(node, PolicyFormat.appFields, in: what) else { return nil }
        let name = fields["name"].flatMap { n in collector.attempt { try n.string() } }
        let owner = fields["owner"].flatMap { n in collector.attempt { try n.string() } }
        let provider = fields["provider"].flatMap { n in
            collector.attempt { try Provider(rawValue: n.oneOf(Provider.allCases.map(\.rawValue))) } ?? nil
        }
        let account = fields["account"].flatMap { n in collector.attempt { try n.string() } }
        let subAccount = fields["subAccount"].flatMap { n in collector.attempt { try n.string() } }
        if let node = fields["description"] { _ = collector.attempt { try node.string() } }

        var permissions = Set<Permission>()
        if let node = fields["permissions"], let provider {
            for (text, item) in collector.strings(node) {
                if let granted = vocabulary.permissions.resolve(text, provider: provider) {
                    permissions.formUnion(granted)
                } else {
                    let accepted = vocabulary.permissions.acceptedNames(for: provider)
                    collector.add(item.diagnostic(.error, "permission '\(text)' is unknown for \(provider.displayName)"
                                                  + Suggestion.didYouMean(text, among: accepted)
                                                  + "; known: \(accepted.joined(separator: ", "))"))
                }
            }
        }
        let networks = fields["ipNetworks"].map { ipNetworks($0) } ?? []
        let keyIds = fields["keyIds"].map { collector.strings($0).map(\.text) } ?? []
        let labels = fields["labels"].map { collector.strings($0).map(\.text) }
        var requirements = defaults
        if let node = fields["overrides"] {
            requirements = requirements.applying(overrides(node, in: "overrides of \(what)"))
        }
        if owner?.trimmingCharacters(in: .whitespaces).isEmpty == true, let node = fields["owner"] {
            collector.add(node.diagnostic(.error, "\(what) has an empty owner: someone must answer for its key"))
        }
        guard let name, let owner, let provider, let account, let nameNode = fields["name"] else { return nil }
        return (AppPolicy(name: name, owner: owner, provider: provider, account: account, subAccount: subAccount,
                          permissions: permissions, ipNetworks: networks, keyIds: keyIds, labels: labels,
                          requirements: requirements, location: node.location), nameNode)
    }

    mutating func ipNetworks(_ node: YAMLNode) -> [IPNetwork] {
        collector.strings(node).compactMap { text, item in
            guard let network = IPNetwork(text) else {
                collector.add(item.diagnostic(.error, "invalid CIDR '\(text)': expected an IPv4 or IPv6 address with an optional /prefix"))
                return nil
            }
            if network.isEverything {
                collector.add(item.diagnostic(.warning, "'\(text)' allows every address: it is the same as no IP restriction"))
            } else if network.hadHostBits {
                collector.add(item.diagnostic(.warning, "'\(text)' has host bits set; the network is \(network)"))
            }
            return network
        }
    }

    mutating func waiver(_ node: YAMLNode) -> Waiver? {
        guard let fields = collector.fields(node, PolicyFormat.waiverFields, in: "waiver") else { return nil }
        let check = fields["check"].flatMap { n in collector.attempt { try n.string() } }
        if let check, let node = fields["check"], !vocabulary.knownChecks.isEmpty, !vocabulary.knownChecks.contains(check) {
            collector.add(node.diagnostic(.error, "unknown check '\(check)'" + Suggestion.didYouMean(check, among: vocabulary.knownChecks)))
        }
        let target = fields["target"].flatMap { n in collector.attempt { try n.string() } }
        let owner = fields["owner"].flatMap { n in collector.attempt { try n.string() } }
        let reason = fields["reason"].flatMap { n in collector.attempt { try n.string() } }
        var expires: Date?
        if let node = fields["expires"], let text = collector.attempt({ try node.string() }) {
            if let date = ISO8601Date.parse(text) {
                expires = date
                let latest = now.addingTimeInterval(Double(PolicyLoader.longestWaiverDays) * 86_400)
                if date > latest {
                    collector.add(node.diagnostic(.error, "waiver expires \(ISO8601Date.day(date)), more than a year after "
                                                  + "\(ISO8601Date.day(now)): waivers must be renewed at least yearly"))
                } else if date <= now {
                    collector.add(node.diagnostic(.warning, "waiver expired on \(ISO8601Date.day(date)): the finding it hid is reported again"))
                }
            } else {
                collector.add(node.diagnostic(.error, "expected a date (YYYY-MM-DD or ISO 8601), found '\(text)'"))
            }
        }
        guard let check, let target, let owner, let reason, let expires else { return nil }
        return Waiver(check: check, target: target, owner: owner, reason: reason, expires: expires, location: node.location)
    }
}
