#include "carchive.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// The libarchive functions keywarden uses, found in the library loaded at first use.
static struct {
    struct archive *(*read_new)(void);
    int (*read_free)(struct archive *);
    int (*read_support_filter_all)(struct archive *);
    int (*read_support_format_all)(struct archive *);
    int (*read_support_format_raw)(struct archive *);
    int (*read_support_format_tar)(struct archive *);
    int (*read_open_filename)(struct archive *, const char *, size_t);
    int (*read_open_memory)(struct archive *, const void *, size_t);
    int (*read_next_header)(struct archive *, struct archive_entry **);
    la_ssize_t (*read_data)(struct archive *, void *, size_t);
    const char *(*error_string)(struct archive *);
    mode_t (*entry_filetype)(struct archive_entry *);
    const char *(*entry_pathname)(struct archive_entry *);
    la_int64_t (*entry_size)(struct archive_entry *);
    int (*entry_size_is_set)(struct archive_entry *);
} library;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256];

static void load(void) {
    // Debian's soname first, then the unversioned development link and macOS's names.
    static const char *const names[] = {"libarchive.so.13", "libarchive.so", "libarchive.13.dylib", "libarchive.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) {
        handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (handle == NULL) {
        snprintf(load_error, sizeof load_error, "libarchive is not installed (%s)", dlerror());
        return;
    }
#define FIND(field, symbol)                                                                 \
    *(void **)(&library.field) = dlsym(handle, symbol);                                     \
    if (library.field == NULL) {                                                            \
        snprintf(load_error, sizeof load_error, "libarchive has no %s", symbol);            \
        return;                                                                             \
    }
    FIND(read_new, "archive_read_new")
    FIND(read_free, "archive_read_free")
    FIND(read_support_filter_all, "archive_read_support_filter_all")
    FIND(read_support_format_all, "archive_read_support_format_all")
    FIND(read_support_format_raw, "archive_read_support_format_raw")
    FIND(read_support_format_tar, "archive_read_support_format_tar")
    FIND(read_open_filename, "archive_read_open_filename")
    FIND(read_open_memory, "archive_read_open_memory")
    FIND(read_next_header, "archive_read_next_header")
    FIND(read_data, "archive_read_data")
    FIND(error_string, "archive_error_string")
    FIND(entry_filetype, "archive_entry_filetype")
    FIND(entry_pathname, "archive_entry_pathname")
    FIND(entry_size, "archive_entry_size")
    FIND(entry_size_is_set, "archive_entry_size_is_set")
#undef FIND
}

const char *kw_archive_load_error(void) {
    pthread_once(&load_once, load);
    return load_error[0] != 0 ? load_error : NULL;
}

struct archive *kw_archive_read_new(void) { return kw_archive_load_error() == NULL ? library.read_new() : NULL; }

// A handle exists only when the library loaded, so the rest call straight through.
int kw_archive_read_free(struct archive *a) { return library.read_free(a); }
int kw_archive_read_support_filter_all(struct archive *a) { return library.read_support_filter_all(a); }
int kw_archive_read_support_format_all(struct archive *a) { return library.read_support_format_all(a); }
int kw_archive_read_support_format_raw(struct archive *a) { return library.read_support_format_raw(a); }
int kw_archive_read_support_format_tar(struct archive *a) { return library.read_support_format_tar(a); }
int kw_archive_read_open_filename(struct archive *a, const char *path, size_t block_size) {
    return library.read_open_filename(a, path, block_size);
}
int kw_archive_read_open_memory(struct archive *a, const void *buffer, size_t size) { return library.read_open_memory(a, buffer, size); }
int kw_archive_read_next_header(struct archive *a, struct archive_entry **entry) { return library.read_next_header(a, entry); }
la_ssize_t kw_archive_read_data(struct archive *a, void *buffer, size_t size) { return library.read_data(a, buffer, size); }
const char *kw_archive_error_string(struct archive *a) { return library.error_string(a); }
mode_t kw_archive_entry_filetype(struct archive_entry *e) { return library.entry_filetype(e); }
const char *kw_archive_entry_pathname(struct archive_entry *e) { return library.entry_pathname(e); }
la_int64_t kw_archive_entry_size(struct archive_entry *e) { return library.entry_size(e); }
int kw_archive_entry_size_is_set(struct archive_entry *e) { return library.entry_size_is_set(e); }
