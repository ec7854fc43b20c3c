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
    /// What keeps a mapped image's memory alive; nil when Hyperscan allocated the database.
    private let imageOwner: AnyObject?

    private init(raw: OpaquePointer, imageOwner: AnyObject? = nil) {
        self.raw = raw
        self.imageOwner = imageOwner
    }

    deinit { if imageOwner == nil { hs_free_database(raw) } }

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

    /// The alignment an image must be placed at to be used in place (a cache line: Hyperscan
    /// aligns the bytecode to it relative to where the database lies).
    public static let imageAlignment = 64

    /// The database as Hyperscan lays it out in memory when it lies at an address aligned to
    /// `imageAlignment`: what `inPlace` uses without copying. Deserializing instead copies the
    /// bytes into fresh memory, zeroes it first and checks a CRC over it, ~5 ms for the
    /// catalogue's 4 MB on every pre-commit scan; an image costs only the mapping.
    public func image() throws -> [UInt8] {
        let serialized = try serialize()
        return try serialized.withUnsafeBytes { serialized in
            let bytes = serialized.baseAddress!.assumingMemoryBound(to: CChar.self)
            var size = 0
            var rc = hs_serialized_database_size(bytes, serialized.count, &size)
            guard rc == HS_SUCCESS else { throw HyperscanError(code: rc, message: "image size", expression: -1) }
            let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: Self.imageAlignment)
            defer { memory.deallocate() }
            rc = hs_deserialize_database_at(bytes, serialized.count, OpaquePointer(memory))
            guard rc == HS_SUCCESS else { throw HyperscanError(code: rc, message: "image", expression: -1) }
            return Array(UnsafeRawBufferPointer(start: memory, count: size))
        }
    }

    /// The database `image()` made, used where it lies; `owner` keeps that memory alive and
    /// unchanged for as long as the database is used. The image must be exactly what `image()`
    /// returned (Hyperscan checks only its header here): callers verify it first, as the cache
    /// does with its digest. A misplaced image or a foreign header throws.
    public static func inPlace(_ image: UnsafeRawBufferPointer, owner: AnyObject) throws -> HyperscanDatabase {
        guard let base = image.baseAddress, Int(bitPattern: base) % imageAlignment == 0, image.count >= imageAlignment else {
            throw HyperscanError(code: HS_BAD_ALIGN, message: "image not aligned", expression: -1)
        }
        let database = OpaquePointer(base)
        var size = 0
        // hs_database_size checks the header: magic, version, platform, the bytecode's alignment.
        let rc = hs_database_size(database, &size)
        guard rc == HS_SUCCESS, size == image.count else {
            throw HyperscanError(code: rc == HS_SUCCESS ? HS_INVALID : rc, message: "image", expression: -1)
        }
        return HyperscanDatabase(raw: database, imageOwner: owner)
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
