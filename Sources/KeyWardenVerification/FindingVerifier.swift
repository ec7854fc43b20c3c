import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenScan
import KeyWardenSupport

/// Verifies the credentials of a scan's findings (`scan --verify`): exchange credential sets
/// through the exchanges' connectors, service keys (GitHub, AWS, Slack, ...) through their
/// declared verifiers. Never blocks a scan: each request has its verifier's timeout, providers
/// are asked in parallel but one request at a time per provider (their rate limits expect it),
/// each credential is asked about once per run, and keys not reached within `budget` are `unknown`.
public struct FindingVerifier: Sendable {
    public let verifier: ExchangeKeyVerifier
    public let services: ServiceKeyVerifier
    /// The service verifiers findings are matched with, by rule id.
    public let serviceVerifiers: [any ServiceVerifier]
    /// Total time for a run; a key whose turn comes later is not sent.
    public let budget: Duration

    public init(verifier: ExchangeKeyVerifier = ExchangeKeyVerifier(), services: ServiceKeyVerifier = ServiceKeyVerifier(),
                serviceVerifiers: [any ServiceVerifier] = ServiceVerifiers.all, budget: Duration = .seconds(60)) {
        self.verifier = verifier
        self.services = services
        self.serviceVerifiers = serviceVerifiers
        self.budget = budget
    }

    /// One result per finding, in the findings' order; nil for findings no verifier applies to.
    public func verify(_ findings: [Finding]) async -> [Verification?] {
        let candidates = findings.map { VerificationCandidate($0, services: serviceVerifiers) }
        var unique: [String: VerificationCandidate] = [:]
        for candidate in candidates.compactMap({ $0 }) { unique[candidate.cacheKey] = candidate }
        let byProvider = Dictionary(grouping: unique.values, by: \.provider)
        let deadline = ContinuousClock.now + budget
        let results = await withTaskGroup(of: [(String, Verification)].self) { group in
            for provider in byProvider.keys.sorted() {
                let queue = byProvider[provider]!.sorted { $0.cacheKey < $1.cacheKey }
                group.addTask { [self] in
                    var done: [(String, Verification)] = []
                    for candidate in queue {
                        done.append((candidate.cacheKey, await verify(candidate, before: deadline)))
                    }
                    return done
                }
            }
            var all: [String: Verification] = [:]
            for await batch in group { for (key, verification) in batch { all[key] = verification } }
            return all
        }
        return candidates.map { $0.flatMap { results[$0.cacheKey] } }
    }

    func verify(_ candidate: VerificationCandidate, before deadline: ContinuousClock.Instant) async -> Verification {
        switch candidate {
        case .exchange(.incomplete(let provider, let missing)):
            return VerificationWording.unknown(provider, reason: "incomplete credential set: \(missing)")
        case .exchange(.complete(let credentials)):
            guard ContinuousClock.now < deadline else { return VerificationWording.unknown(credentials.provider, reason: Self.overBudget) }
            return await verifier.verify(credentials)
        case .service(let serviceVerifier, let credential):
            if let missing = serviceVerifier.missing(credential) {
                return ServiceWording.unknown(serviceVerifier.service, reason: "incomplete credential: \(missing)")
            }
            guard ContinuousClock.now < deadline else { return ServiceWording.unknown(serviceVerifier.service, reason: Self.overBudget) }
            return await services.verify(credential, with: serviceVerifier)
        }
    }

    static let overBudget = "not sent: the verification time budget of this run was used up"
}

extension FindingVerifier {
    /// Verifies the findings of a saved report (`keywarden verify --input`): one result per
    /// record, in order; a record whose secret cannot be found again is `unknown` with the reason,
    /// when a verifier would apply to it.
    public func verify(savedFindings records: [ScanSection.FindingRecord], reader: SavedFindingReader) async -> [Verification?] {
        let outcomes = reader.read(records)
        var findings: [Finding] = [], slots: [Int] = []
        var results = [Verification?](repeating: nil, count: records.count)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .finding(let finding):
                findings.append(finding)
                slots.append(index)
            case .unverifiable(let reason):
                results[index] = reader.unverifiable(records[index], reason: reason, services: serviceVerifiers)
            }
        }
        for (slot, verification) in zip(slots, await verify(findings)) { results[slot] = verification }
        return results
    }
}
