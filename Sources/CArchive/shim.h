#ifndef CARCHIVE_SHIM_H
#define CARCHIVE_SHIM_H
// libarchive from Debian (libarchive-dev): reads zip, tar and the compressed forms keywarden
// opens to scan archive members.
#include <archive.h>
#include <archive_entry.h>
#endif
