// Finding long runs of one byte class (base64 characters, lowercase words, identifiers) is a
// pass over every byte of every scanned file. Here it classifies 64 bytes at a time into a bit
// mask (SSE2 where there is SSE2) and finds the runs with bit operations, so the cost per byte
// is a fraction of an instruction instead of a table read and a branch.
#include "byte_runs.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The class's ranges as the mask computation uses them, prepared once per call. Always four:
/// an unused slot repeats the first range, so the loop below has no branch and stays unrolled.
typedef struct {
#if defined(__SSE2__)
    __m128i low[4], span[4];
#endif
    uint8_t low_byte[4], high_byte[4];
} prepared_ranges;

static prepared_ranges prepare(const kw_byte_ranges *ranges, int *used_out) {
    prepared_ranges prepared;
    int used = 0;
    for (int r = 0; r < 4; r++) {
        if (ranges->low[r] > ranges->high[r]) continue;  // an unused slot
        prepared.low_byte[used] = ranges->low[r];
        prepared.high_byte[used] = ranges->high[r];
        used++;
    }
    *used_out = used;
    if (used == 0) return prepared;
    for (int r = used; r < 4; r++) {  // used >= 1: a class with no members finds nothing
        prepared.low_byte[r] = prepared.low_byte[0];
        prepared.high_byte[r] = prepared.high_byte[0];
    }
#if defined(__SSE2__)
    for (int r = 0; r < 4; r++) {
        prepared.low[r] = _mm_set1_epi8((char)prepared.low_byte[r]);
        prepared.span[r] = _mm_set1_epi8((char)(uint8_t)(prepared.high_byte[r] - prepared.low_byte[r]));
    }
#endif
    return prepared;
}

/// Bit i set when bytes[i] (of 64) is a member. Written out for four ranges: a loop over them
/// is not unrolled by every compiler, and the range vectors must stay in registers.
static inline uint64_t member_mask(const uint8_t *bytes, const prepared_ranges *ranges) {
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i low0 = ranges->low[0], low1 = ranges->low[1], low2 = ranges->low[2], low3 = ranges->low[3];
    const __m128i span0 = ranges->span[0], span1 = ranges->span[1], span2 = ranges->span[2], span3 = ranges->span[3];
    uint64_t mask = 0;
    for (int chunk = 0; chunk < 4; chunk++) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + 16 * chunk));
        // x - low <= high - low, unsigned: the saturating difference is zero.
        __m128i outside0 = _mm_subs_epu8(_mm_sub_epi8(block, low0), span0);
        __m128i outside1 = _mm_subs_epu8(_mm_sub_epi8(block, low1), span1);
        __m128i outside2 = _mm_subs_epu8(_mm_sub_epi8(block, low2), span2);
        __m128i outside3 = _mm_subs_epu8(_mm_sub_epi8(block, low3), span3);
        // A member is inside some range: the smallest of the four differences is zero.
        __m128i nearest = _mm_min_epu8(_mm_min_epu8(outside0, outside1), _mm_min_epu8(outside2, outside3));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(nearest, zero)) << (16 * chunk);
    }
    return mask;
#else
    uint64_t mask = 0;
    for (int i = 0; i < 64; i++) {
        for (int r = 0; r < 4; r++) {
            if (bytes[i] >= ranges->low_byte[r] && bytes[i] <= ranges->high_byte[r]) {
                mask |= (uint64_t)1 << i;
                break;
            }
        }
    }
    return mask;
#endif
}

/// Bit i set when bits i ..< i + k of m are all set (bits past 63 count as clear); 1 <= k <= 64.
static inline uint64_t windows_of(uint64_t m, size_t k) {
    size_t have = 1;
    while (have * 2 <= k) {
        m &= m >> have;
        have *= 2;
    }
    if (have < k) m &= m >> (k - have);
    return m;
}

static inline int trailing_zeros(uint64_t m) { return __builtin_ctzll(m); }
static inline int leading_zeros(uint64_t m) { return __builtin_clzll(m); }

size_t kw_find_byte_runs(const uint8_t *bytes, size_t count, size_t from, const kw_byte_ranges *ranges,
                         size_t minimum, kw_byte_run *runs, size_t capacity, size_t *next) {
    size_t written = 0;
    const size_t none = (size_t)-1;
    size_t run_start = none;  // the start of a run that reaches the end of the previous block
    if (minimum == 0) minimum = 1;
    int used;
    const prepared_ranges prepared = prepare(ranges, &used);
    if (used == 0) {
        *next = count;
        return 0;
    }
    for (size_t base = from; base < count; base += 64) {
        uint64_t m;
        size_t available = count - base;
        if (available >= 64) {
            m = member_mask(bytes + base, &prepared);
        } else {
            uint8_t tail[64];
            memset(tail, 0, sizeof tail);
            memcpy(tail, bytes + base, available);
            m = member_mask(tail, &prepared) & (((uint64_t)1 << available) - 1);
        }
        // The run carried in from the previous block continues through the leading ones.
        if (run_start != none) {
            if (m == ~(uint64_t)0) continue;
            int ones = trailing_zeros(~m);
            size_t end = base + (size_t)ones;
            if (end - run_start >= minimum) {
                if (written == capacity) {
                    *next = run_start;
                    return written;
                }
                runs[written++] = (kw_byte_run){run_start, end};
            }
            run_start = none;
            m &= ~(uint64_t)0 << ones;  // ones < 64
        }
        if (m == 0) continue;
        // A run reaching bit 63 may go on into the next block: carried, not judged here.
        uint64_t top = 0;
        if (m >> 63) {
            int top_length = (~m == 0) ? 64 : leading_zeros(~m);
            top = top_length == 64 ? ~(uint64_t)0 : ~(uint64_t)0 << (64 - top_length);
            run_start = base + (size_t)(64 - top_length);
        }
        uint64_t inner = m & ~top;
        if (inner == 0 || minimum > 63) continue;  // a run inside a block is at most 63 long
        uint64_t long_starts = windows_of(inner, minimum);
        while (long_starts) {
            int start = trailing_zeros(long_starts);  // the first window of a run is its start
            uint64_t rest = ~(inner >> start);         // nonzero: inner has no bit 63
            int end = start + trailing_zeros(rest);
            if (written == capacity) {
                *next = base + (size_t)start;
                return written;
            }
            runs[written++] = (kw_byte_run){base + (size_t)start, base + (size_t)end};
            long_starts &= end >= 64 ? 0 : ~(uint64_t)0 << end;
        }
    }
    if (run_start != none && count - run_start >= minimum) {
        if (written == capacity) {
            *next = run_start;
            return written;
        }
        runs[written++] = (kw_byte_run){run_start, count};
    }
    *next = count;
    return written;
}
