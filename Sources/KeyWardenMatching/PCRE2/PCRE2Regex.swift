import CPCRE2

/// A compiled, JIT-compiled PCRE2 pattern over bytes (no UTF mode: files often hold invalid
/// UTF-8). After JIT compilation the code is read-only and shared by all threads.
public final class PCRE2Regex: @unchecked Sendable {
    let code: OpaquePointer
    let isJIT: Bool
    public let captureCount: Int

    public init(_ pattern: String, multiline: Bool = true, caseless: Bool = false) throws {
        // A match's latest start can be set per search (`forEachMatch(latestStart:)`).
        var options = UInt32(PCRE2_USE_OFFSET_LIMIT)
        if multiline { options |= UInt32(PCRE2_MULTILINE) }
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(pattern.utf8)
        guard let compiled = bytes.withUnsafeBufferPointer({
            pcre2_compile_8($0.baseAddress, bytes.count, options, &errorCode, &errorOffset, nil)
        }) else { throw PCRE2Error(code: errorCode, offset: errorOffset) }
        code = compiled
        isJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
    }

    deinit { pcre2_code_free_8(code) }

    /// The number of a named group, or nil when the pattern has no group of that name.
    public func groupNumber(named name: String) -> Int? {
        let number = pcre2_substring_number_from_name_8(code, name)
        return number > 0 ? Int(number) : nil
    }
}

/// One thread's match state for one regex.
package final class PCRE2Matcher {
    let regex: PCRE2Regex
    private let matchData: OpaquePointer
    /// Carries the match and depth limits, so no pattern can hang a scan by backtracking.
    private let context: OpaquePointer

    /// Backtracking steps one match attempt may take (the JIT and the interpreter both count
    /// them). Real secret patterns need a few thousand on a window; `(a|aa)+c` against a long
    /// run of `a` needs billions.
    package static let matchLimit: UInt32 = 1_000_000
    /// Nested backtracking frames the interpreter may hold (KiB of heap per level is small).
    package static let depthLimit: UInt32 = 10_000

    package init(_ regex: PCRE2Regex) {
        self.regex = regex
        matchData = pcre2_match_data_create_from_pattern_8(regex.code, nil)!
        context = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(context, Self.matchLimit)
        pcre2_set_depth_limit_8(context, Self.depthLimit)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
    }

    /// Calls `body` with the offsets of every match starting in `start...min(end, latestStart)`.
    /// The subject is the whole buffer up to `end`, so lookbehind and `\b` see the bytes before
    /// `start`, and lookahead and `$` the bytes up to `end` even where no match may start.
    /// `groups[2*g]`/`groups[2*g+1]` bound group g; an unset group has both equal to -1.
    package func forEachMatch(in buffer: UnsafeRawBufferPointer, from start: Int, to end: Int, latestStart: Int? = nil,
                      _ body: (_ groups: UnsafeBufferPointer<Int>) -> Void) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        // PCRE2_UNSET (~0, size_t) is no limit.
        pcre2_set_offset_limit_8(context, latestStart.map { max($0, 0) } ?? ~0)
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        var offset = start
        while offset <= end {
            var rc = regex.isJIT
                ? pcre2_jit_match_8(regex.code, base, end, offset, 0, matchData, context)
                : pcre2_match_8(regex.code, base, end, offset, 0, matchData, context)
            if rc == PCRE2_ERROR_JIT_STACKLIMIT {
                // The JIT's machine stack is small (32 KiB); a long secret (a PEM body) can exhaust
                // it. The interpreter keeps its backtracking frames on the heap: slower, but it
                // answers, and a silent "no match" here would be a missed secret. (Without
                // NO_JIT, pcre2_match would hand JIT-compiled code straight back to the JIT.)
                rc = pcre2_match_8(regex.code, base, end, offset, UInt32(PCRE2_NO_JIT), matchData, context)
            }
            if rc <= 0 { break } // no match, or a match/depth limit hit: nothing more in this window
            // PCRE2_SIZE is size_t; PCRE2_UNSET (~0) reads as -1 through Int.
            let pairs = ovector.withMemoryRebound(to: Int.self, capacity: 2 * Int(rc)) {
                UnsafeBufferPointer(start: $0, count: 2 * Int(rc))
            }
            body(pairs)
            let matchStart = pairs[0], matchEnd = pairs[1]
            offset = matchEnd > matchStart ? matchEnd : matchEnd + 1
        }
    }
}

public enum PCRE2Library {
    public static var version: String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), &buffer)
        return String(decoding: buffer.prefix(max(Int(count) - 1, 0)), as: UTF8.self)
    }
}
