import CHyperscan

/// Hyperscan's mutable per-scan state: exactly one per thread, never shared (hence not Sendable).
final class HyperscanScratch {
    let raw: OpaquePointer

    /// One scratch that fits every database of `databases` (at least one).
    init(for databases: [HyperscanDatabase]) throws {
        var scratch: OpaquePointer?
        for database in databases {
            let rc = hs_alloc_scratch(database.raw, &scratch)
            guard rc == HS_SUCCESS else {
                hs_free_scratch(scratch)
                throw HyperscanError(code: rc, message: "alloc scratch", expression: -1)
            }
        }
        guard let scratch else { throw HyperscanError(code: HS_INVALID, message: "alloc scratch: no database", expression: -1) }
        raw = scratch
    }

    deinit { hs_free_scratch(raw) }
}
