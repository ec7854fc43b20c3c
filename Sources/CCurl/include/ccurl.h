#ifndef KEYWARDEN_CCURL_H
#define KEYWARDEN_CCURL_H

#include <stddef.h>

/// libcurl, loaded with dlopen the first time a request is sent: linking it would make every
/// run of keywarden (a pre-commit scan included) load it and the thirty-odd libraries it needs.

/// Called with each piece of the response; returns 0 to go on, anything else to abort.
typedef int (*kw_curl_sink)(const char *data, size_t length, void *context);

typedef enum {
    KW_CURL_OK = 0,
    KW_CURL_TIMED_OUT = 1,
    /// No connection, TLS failure, malformed response: see the message.
    KW_CURL_FAILED = 2,
    /// A sink asked to stop.
    KW_CURL_ABORTED = 3,
    /// libcurl could not be loaded: see the message.
    KW_CURL_UNAVAILABLE = 4,
} kw_curl_result;

typedef struct {
    const char *method;
    const char *url;
    /// "Name: value" lines.
    const char *const *headers;
    size_t header_count;
    /// NULL for no body.
    const void *body;
    size_t body_length;
    /// For the whole exchange, from connecting to the last byte of the body.
    long timeout_ms;
    const char *user_agent;
} kw_curl_request;

/// Sends one request without following redirects. Header lines (status lines included, CRLF
/// kept) go to `on_header`, body bytes to `on_body`. `message` receives libcurl's explanation
/// when the result is not KW_CURL_OK.
kw_curl_result kw_curl_perform(const kw_curl_request *request, kw_curl_sink on_header, kw_curl_sink on_body,
                               void *context, long *status, char *message, size_t message_size);

#endif
