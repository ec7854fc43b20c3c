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

static inline int is_member(uint8_t byte, const prepared_ranges *ranges) {
    for (int r = 0; r < 4; r++) {
        if (byte >= ranges->low_byte[r] && byte <= ranges->high_byte[r]) return 1;
    }
    return 0;
}

/// Bit i set when bytes[i] (of 16) is a member. Written out for four ranges: a loop over them
/// is not unrolled by every compiler, and the range vectors must stay in registers.
static inline unsigned chunk_mask(const uint8_t *bytes, const prepared_ranges *ranges) {
#if defined(__SSE2__)
    __m128i block = _mm_loadu_si128((const __m128i *)bytes);
    // x - low <= high - low, unsigned: the saturating difference is zero.
    __m128i outside0 = _mm_subs_epu8(_mm_sub_epi8(block, ranges->low[0]), ranges->span[0]);
    __m128i outside1 = _mm_subs_epu8(_mm_sub_epi8(block, ranges->low[1]), ranges->span[1]);
    __m128i outside2 = _mm_subs_epu8(_mm_sub_epi8(block, ranges->low[2]), ranges->span[2]);
    __m128i outside3 = _mm_subs_epu8(_mm_sub_epi8(block, ranges->low[3]), ranges->span[3]);
    // A member is inside some range: the smallest of the four differences is zero.
    __m128i nearest = _mm_min_epu8(_mm_min_epu8(outside0, outside1), _mm_min_epu8(outside2, outside3));
    return (unsigned)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(nearest, _mm_setzero_si128()));
#else
    unsigned mask = 0;
    for (int i = 0; i < 16; i++) mask |= (unsigned)is_member(bytes[i], ranges) << i;
    return mask;
#endif
}

/// Bit i set when bytes[i] (of 64) is a member.
static inline uint64_t member_mask(const uint8_t *bytes, const prepared_ranges *ranges) {
    return (uint64_t)chunk_mask(bytes, ranges) | (uint64_t)chunk_mask(bytes + 16, ranges) << 16
        | (uint64_t)chunk_mask(bytes + 32, ranges) << 32 | (uint64_t)chunk_mask(bytes + 48, ranges) << 48;
}

/// kw_find_byte_runs for a minimum of 47 or more. Such a run covers at least `stride` whole
/// 16-byte chunks of any grid in a row ((minimum - 15) / 16), so only every stride-th chunk is
/// classified; a chunk that is all members is inside a run, which is then followed both ways.
static size_t find_long_runs(const uint8_t *bytes, size_t count, size_t from, const prepared_ranges *ranges,
                             size_t minimum, kw_byte_run *runs, size_t capacity, size_t *next) {
    const size_t stride = 16 * ((minimum - 15) / 16);
    size_t written = 0;
    size_t probe = from;
    while (count - probe >= 16) {
        if (chunk_mask(bytes + probe, ranges) != 0xFFFF) {
            probe += stride;
            if (probe >= count) break;
            continue;
        }
        // Whole chunks back, then the members at the top of the chunk before.
        size_t start = probe;
        unsigned before = 0;
        while (start - from >= 16 && (before = chunk_mask(bytes + start - 16, ranges)) == 0xFFFF) start -= 16;
        if (start - from >= 16) {
            start -= (size_t)__builtin_clz((~before & 0xFFFFu) << 16);
        } else {
            while (start > from && is_member(bytes[start - 1], ranges)) start--;
        }
        // Whole chunks on, then the members at the bottom of the chunk after.
        size_t end = probe + 16;
        unsigned after = 0;
        while (count - end >= 16 && (after = chunk_mask(bytes + end, ranges)) == 0xFFFF) end += 16;
        if (count - end >= 16) {
            end += (size_t)__builtin_ctz(~after);
        } else {
            while (end < count && is_member(bytes[end], ranges)) end++;
        }
        if (end - start >= minimum) {
            if (written == capacity) {
                *next = start;
                return written;
            }
            runs[written++] = (kw_byte_run){start, end};
        }
        // The chunk holding `end` holds a non-member (or the buffer ends there): a later run's
        // whole chunks all come after it, so the grid resumes with the next chunk.
        probe = from + (end - from) / 16 * 16 + 16;
        if (probe >= count) break;
    }
    *next = count;
    return written;
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
    if (minimum >= 47) return find_long_runs(bytes, count, from, &prepared, minimum, runs, capacity, next);
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

static inline uint8_t ascii_lower(uint8_t byte) { return byte >= 'A' && byte <= 'Z' ? byte | 0x20 : byte; }

int kw_contains_caseless(const uint8_t *haystack, size_t haystack_length, const uint8_t *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    if (haystack_length < needle_length) return 0;
    const uint8_t first = needle[0];
    const uint8_t first_upper = first >= 'a' && first <= 'z' ? (uint8_t)(first - 32) : first;
    const size_t last_start = haystack_length - needle_length;  // the last place a match can start
    size_t at = 0;
#if defined(__SSE2__)
    const __m128i lower = _mm_set1_epi8((char)first), upper = _mm_set1_epi8((char)first_upper);
    for (; at + 16 <= last_start + 1; at += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(haystack + at));
        unsigned candidates = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, lower), _mm_cmpeq_epi8(block, upper)));
        while (candidates) {
            size_t start = at + (size_t)__builtin_ctz(candidates);
            size_t offset = 1;
            while (offset < needle_length && ascii_lower(haystack[start + offset]) == needle[offset]) offset++;
            if (offset == needle_length) return 1;
            candidates &= candidates - 1;
        }
    }
#endif
    for (; at <= last_start; at++) {
        if (haystack[at] != first && haystack[at] != first_upper) continue;
        size_t offset = 1;
        while (offset < needle_length && ascii_lower(haystack[at + offset]) == needle[offset]) offset++;
        if (offset == needle_length) return 1;
    }
    return 0;
}

size_t kw_find_port_colon(const uint8_t *bytes, size_t count, size_t from) {
    size_t at = from;
#if defined(__SSE2__)
    const __m128i colon = _mm_set1_epi8(':'), zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9), star = _mm_set1_epi8('*');
    for (; at + 17 <= count; at += 16) {
        __m128i here = _mm_loadu_si128((const __m128i *)(bytes + at));
        __m128i after = _mm_loadu_si128((const __m128i *)(bytes + at + 1));
        __m128i digit_offset = _mm_sub_epi8(after, zero);
        __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(digit_offset, nine), digit_offset);
        __m128i wanted = _mm_and_si128(_mm_cmpeq_epi8(here, colon), _mm_or_si128(digit, _mm_cmpeq_epi8(after, star)));
        unsigned mask = (unsigned)_mm_movemask_epi8(wanted);
        if (mask) return at + (size_t)__builtin_ctz(mask);
    }
#endif
    for (; at + 1 < count; at++) {
        if (bytes[at] == ':' && ((bytes[at + 1] >= '0' && bytes[at + 1] <= '9') || bytes[at + 1] == '*')) return at;
    }
    return count;
}
