#ifndef KEYWARDEN_BYTE_RUNS_H
#define KEYWARDEN_BYTE_RUNS_H

#include <stddef.h>
#include <stdint.h>

/// A set of byte values as up to four inclusive ranges (an unused slot has low > high).
typedef struct {
    uint8_t low[4];
    uint8_t high[4];
} kw_byte_ranges;

typedef struct {
    size_t start;
    size_t end;
} kw_byte_run;

/// The maximal runs of member bytes at least `minimum` long in bytes[from, count), the byte
/// before `from` taken as a non-member. Writes at most `capacity` runs and returns how many;
/// `*next` is where to call again (`count` when the buffer is done): the start of the first run
/// not written, whose previous byte is a non-member.
size_t kw_find_byte_runs(const uint8_t *bytes, size_t count, size_t from, const kw_byte_ranges *ranges,
                         size_t minimum, kw_byte_run *runs, size_t capacity, size_t *next);

/// Whether `needle` (ASCII letters in lowercase) occurs in `haystack` with ASCII letters in
/// either case, without copying the haystack.
int kw_contains_caseless(const uint8_t *haystack, size_t haystack_length, const uint8_t *needle, size_t needle_length);

/// The first colon in bytes[from, count) followed by a digit or `*` (where a `.pgpass` line's
/// port field starts), or `count`: most colons in code are followed by neither.
size_t kw_find_port_colon(const uint8_t *bytes, size_t count, size_t from);

#endif
