import CHyperscan

/// Hyperscan's mutable per-scan state: exactly one per thread, never shared (hence not Sendable).
final class HyperscanScratch {
    let raw: OpaquePointer

    init(for database: HyperscanDatabase) throws {
        var scratch: OpaquePointer?
        let rc = hs_alloc_scratch(database.raw, &scratch)
        guard rc == HS_SUCCESS, let scratch else { throw HyperscanError(code: rc, message: "alloc scratch", expression: -1) }
        raw = scratch
    }

    deinit { hs_free_scratch(raw) }
}
