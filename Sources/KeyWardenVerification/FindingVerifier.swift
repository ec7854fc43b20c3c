import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenScan
import KeyWardenSupport

/// Verifies the exchange credential sets of a scan's findings (`scan --verify`). Never blocks a
/// scan: each request has the verifier's timeout, exchanges are asked in parallel but one
/// request at a time per exchange (their rate limits expect it), each credential is asked about
/// once per run, and keys not reached within `budget` are `unknown`.
public struct FindingVerifier: Sendable {
    public let verifier: ExchangeKeyVerifier
    /// Total time for a run; a key whose turn comes later is not sent.
    public let budget: Duration

    public init(verifier: ExchangeKeyVerifier = ExchangeKeyVerifier(), budget: Duration = .seconds(60)) {
        self.verifier = verifier
        self.budget = budget
    }

    /// One result per finding, in the findings' order; nil for findings that are not exchange credentials.
    public func verify(_ findings: [Finding]) async -> [Verification?] {
        let candidates = findings.map(FoundCredentials.init)
        var unique: [String: FoundCredentials] = [:]
        for candidate in candidates.compactMap({ $0 }) { unique[candidate.cacheKey] = candidate }
        let byProvider = Dictionary(grouping: unique.values, by: \.provider)
        let deadline = ContinuousClock.now + budget
        let verifier = verifier
        let results = await withTaskGroup(of: [(String, Verification)].self) { group in
            for provider in byProvider.keys.sorted() {
                let queue = byProvider[provider]!.sorted { $0.cacheKey < $1.cacheKey }
                group.addTask {
                    var done: [(String, Verification)] = []
                    for candidate in queue {
                        done.append((candidate.cacheKey, await Self.verify(candidate, with: verifier, before: deadline)))
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

    static func verify(_ candidate: FoundCredentials, with verifier: ExchangeKeyVerifier, before deadline: ContinuousClock.Instant) async -> Verification {
        switch candidate {
        case .incomplete(let provider, let missing):
            return VerificationWording.unknown(provider, reason: "incomplete credential set: \(missing)")
        case .complete(let credentials):
            guard ContinuousClock.now < deadline else {
                return VerificationWording.unknown(credentials.provider, reason: "not sent: the verification time budget of this run was used up")
            }
            return await verifier.verify(credentials)
        }
    }
}
