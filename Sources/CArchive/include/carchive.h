#ifndef KEYWARDEN_CARCHIVE_H
#define KEYWARDEN_CARCHIVE_H

// libarchive (Debian's libarchive-dev for the headers), loaded with dlopen the first time an
// archive is opened. Linking it made every run of keywarden, a pre-commit scan included, load it
// and the ten libraries it needs (XML, ICU, the compressors): about 2 ms of each start.
//
// The kw_ functions stand for libarchive's functions of the same name without the prefix. When
// the library cannot be loaded, kw_archive_read_new returns NULL and kw_archive_load_error says
// why; the others are only called with a handle it returned.
#include <archive.h>
#include <archive_entry.h>

/// Why libarchive is not available, or NULL when it is (loads it on the first call).
const char *kw_archive_load_error(void);

struct archive *kw_archive_read_new(void);
int kw_archive_read_free(struct archive *archive);
int kw_archive_read_support_filter_all(struct archive *archive);
int kw_archive_read_support_format_all(struct archive *archive);
int kw_archive_read_support_format_raw(struct archive *archive);
int kw_archive_read_support_format_tar(struct archive *archive);
int kw_archive_read_open_filename(struct archive *archive, const char *path, size_t block_size);
int kw_archive_read_open_memory(struct archive *archive, const void *buffer, size_t size);
int kw_archive_read_next_header(struct archive *archive, struct archive_entry **entry);
la_ssize_t kw_archive_read_data(struct archive *archive, void *buffer, size_t size);
const char *kw_archive_error_string(struct archive *archive);
mode_t kw_archive_entry_filetype(struct archive_entry *entry);
const char *kw_archive_entry_pathname(struct archive_entry *entry);
la_int64_t kw_archive_entry_size(struct archive_entry *entry);
int kw_archive_entry_size_is_set(struct archive_entry *entry);

#endif
