import CHyperscan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled block-mode Hyperscan database. Read-only once built, so one instance is shared
/// by every worker thread (Hyperscan documents databases as immutable at scan time).
public final class HyperscanDatabase: @unchecked Sendable {
    let raw: OpaquePointer

    private init(raw: OpaquePointer) { self.raw = raw }
    deinit { hs_free_database(raw) }

    /// Compiles all patterns into one database; pattern `i` reports id `i`.
    /// Compiles `patterns`, reporting matches of `patterns[i]` under `ids[i]` (default: i). A
    /// compile error's `expression` is the pattern's id.
    public static func compile(_ patterns: [String], flags: [HyperscanFlags], ids: [UInt32]? = nil) throws -> HyperscanDatabase {
        precondition(patterns.count == flags.count && (ids?.count ?? patterns.count) == patterns.count)
        // strdup: the C array of C strings must outlive the call.
        let cStrings: [UnsafeMutablePointer<CChar>?] = patterns.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let ids = ids ?? (0..<UInt32(patterns.count)).map { $0 }
        let rawFlags = flags.map(\.rawValue)
        var database: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let rc = cStrings.map { UnsafePointer($0) }.withUnsafeBufferPointer { expressions in
            hs_compile_multi(expressions.baseAddress, rawFlags, ids, UInt32(patterns.count),
                             UInt32(HS_MODE_BLOCK), nil, &database, &compileError)
        }
        guard rc == HS_SUCCESS, let database else {
            let position = compileError.map { Int($0.pointee.expression) } ?? -1
            let error = HyperscanError(code: rc,
                                       message: compileError.map { String(cString: $0.pointee.message) } ?? "compile failed",
                                       expression: ids.indices.contains(position) ? Int32(ids[position]) : -1)
            hs_free_compile_error(compileError)
            throw error
        }
        return HyperscanDatabase(raw: database)
    }

    /// Compiles one pattern alone; nil when it compiles, else the compiler's message.
    static func rejection(of pattern: String, flags: HyperscanFlags) -> String? {
        do {
            _ = try compile([pattern], flags: [flags])
            return nil
        } catch let error as HyperscanError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// The longest match a pattern can produce, or nil when unbounded (or not analysable).
    static func maximumWidth(of pattern: String, flags: HyperscanFlags) -> Int? {
        var info: UnsafeMutablePointer<hs_expr_info_t>?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        guard hs_expression_info(pattern, flags.rawValue, &info, &compileError) == HS_SUCCESS, let info else {
            hs_free_compile_error(compileError)
            return nil
        }
        defer { free(info) }
        let width = info.pointee.max_width
        return width == UInt32.max ? nil : Int(width)
    }

    public func serialize() throws -> [UInt8] {
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        let rc = hs_serialize_database(raw, &bytes, &length)
        guard rc == HS_SUCCESS, let bytes else { throw HyperscanError(code: rc, message: "serialize", expression: -1) }
        defer { free(bytes) } // allocated by the default misc allocator, malloc
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// Rebuilds a database from `serialize()` output. Corrupt or foreign bytes throw; they never crash.
    public static func deserialize(_ bytes: [UInt8]) throws -> HyperscanDatabase {
        try bytes.withUnsafeBytes { try deserialize($0) }
    }

    public static func deserialize(_ buffer: UnsafeRawBufferPointer) throws -> HyperscanDatabase {
        var database: OpaquePointer?
        guard let base = buffer.baseAddress else { throw HyperscanError(code: HS_INVALID, message: "deserialize", expression: -1) }
        let rc = hs_deserialize_database(base.assumingMemoryBound(to: CChar.self), buffer.count, &database)
        guard rc == HS_SUCCESS, let database else { throw HyperscanError(code: rc, message: "deserialize", expression: -1) }
        return HyperscanDatabase(raw: database)
    }

    /// Calls `onMatch(id, from, to)` for every match in `data`, in order of `to`.
    func scan(_ data: UnsafeRawBufferPointer, scratch: HyperscanScratch, into sink: HitSink) throws {
        // hs_scan takes an unsigned int length; callers never pass buffers anywhere near 4 GiB
        // (files are capped by --max-file-size).
        precondition(data.count < Int(UInt32.max))
        let rc = withExtendedLifetime(sink) {
            hs_scan(raw, data.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(data.count), 0,
                    scratch.raw, onHyperscanMatch, Unmanaged.passUnretained(sink).toOpaque())
        }
        guard rc == HS_SUCCESS else { throw HyperscanError(code: rc, message: "scan", expression: -1) }
    }

    /// "vectorscan 5.4.9 ..." — part of the cache key.
    public static var version: String { String(cString: hs_version()) }

    /// The CPU features Hyperscan tunes for on this machine — part of the cache key, because a
    /// database serialized on one CPU may not run on another.
    public static var platformSignature: String {
        var platform = hs_platform_info_t()
        guard hs_populate_platform(&platform) == HS_SUCCESS else { return "unknown" }
        return "tune=\(platform.tune) features=\(platform.cpu_features)"
    }
}

/// Receives hits from the C callback. C function pointers cannot capture, so the sink travels
/// through hs_scan's `void *context`.
final class HitSink {
    let onHit: (UInt32, UInt64, UInt64) -> Void
    init(_ onHit: @escaping (UInt32, UInt64, UInt64) -> Void) { self.onHit = onHit }
}

// A non-capturing closure converts to @convention(c); a global `let` is Sendable in Swift 6.
private let onHyperscanMatch: match_event_handler = { id, from, to, _, context in
    Unmanaged<HitSink>.fromOpaque(context!).takeUnretainedValue().onHit(id, from, to)
    return 0 // non-zero would stop the scan
}
