#include "ccurl.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// The libcurl functions keywarden uses, found in the library loaded at first use.
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256];

static void load(void) {
    // The OpenSSL build first (Debian's libcurl4), then the GnuTLS one, then whatever is there.
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib", "libcurl.dylib"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        snprintf(load_error, sizeof load_error, "libcurl is not installed (%s)", dlerror());
        return;
    }
#define FIND(field, symbol)                                                                 \
    *(void **)(&curl.field) = dlsym(library, symbol);                                       \
    if (curl.field == NULL) {                                                               \
        snprintf(load_error, sizeof load_error, "libcurl has no %s", symbol);               \
        return;                                                                             \
    }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(easy_strerror, "curl_easy_strerror")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
#undef FIND
    // curl_global_init is not thread-safe; pthread_once runs it once, before any handle exists.
    CURLcode code = curl.global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "libcurl did not initialise: %s", curl.easy_strerror(code));
        curl.easy_init = NULL;
    }
}

typedef struct {
    kw_curl_sink sink;
    void *context;
} sink_call;

static size_t forward(char *data, size_t size, size_t count, void *userdata) {
    sink_call *call = userdata;
    size_t length = size * count;
    // Returning a count other than `length` makes libcurl stop with CURLE_WRITE_ERROR.
    return call->sink(data, length, call->context) == 0 ? length : (length == 0 ? 1 : 0);
}

kw_curl_result kw_curl_perform(const kw_curl_request *request, kw_curl_sink on_header, kw_curl_sink on_body,
                               void *context, long *status, char *message, size_t message_size) {
    pthread_once(&load_once, load);
    if (load_error[0] != 0 || curl.easy_init == NULL) {
        snprintf(message, message_size, "%s", load_error[0] != 0 ? load_error : "libcurl is unavailable");
        return KW_CURL_UNAVAILABLE;
    }
    CURL *handle = curl.easy_init();
    if (handle == NULL) {
        snprintf(message, message_size, "libcurl could not make a handle");
        return KW_CURL_FAILED;
    }
    struct curl_slist *headers = NULL;
    for (size_t i = 0; i < request->header_count; i++) headers = curl.slist_append(headers, request->headers[i]);
    // libcurl would otherwise ask for "100-continue" before a body over 1 KiB.
    headers = curl.slist_append(headers, "Expect:");

    char error[CURL_ERROR_SIZE] = {0};
    sink_call header_call = {on_header, context};
    sink_call body_call = {on_body, context};
    curl.easy_setopt(handle, CURLOPT_URL, request->url);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, request->timeout_ms);
    curl.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    if (request->user_agent != NULL) curl.easy_setopt(handle, CURLOPT_USERAGENT, request->user_agent);
    if (strcmp(request->method, "HEAD") == 0) {
        curl.easy_setopt(handle, CURLOPT_NOBODY, 1L);
    } else {
        curl.easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request->method);
    }
    if (request->body != NULL) {
        curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)request->body_length);
        curl.easy_setopt(handle, CURLOPT_POSTFIELDS, request->body);
    }
    curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, forward);
    curl.easy_setopt(handle, CURLOPT_HEADERDATA, &header_call);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, forward);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &body_call);

    CURLcode code = curl.easy_perform(handle);
    kw_curl_result result = KW_CURL_OK;
    if (code == CURLE_OK) {
        curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, status);
    } else {
        result = code == CURLE_OPERATION_TIMEDOUT ? KW_CURL_TIMED_OUT : code == CURLE_WRITE_ERROR ? KW_CURL_ABORTED : KW_CURL_FAILED;
        snprintf(message, message_size, "%s", error[0] != 0 ? error : curl.easy_strerror(code));
    }
    curl.slist_free_all(headers);
    curl.easy_cleanup(handle);
    return result;
}
