// An HTTP/1.x response message as a WARC response record stores it: status
// line, headers, body, with the transfer and content codings undone.
#ifndef CLAIMTRACE_INGEST_HTTP_PAYLOAD_H_
#define CLAIMTRACE_INGEST_HTTP_PAYLOAD_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "claimtrace/status.h"

namespace claimtrace::ingest {

struct HttpPayload {
  int status = 0;            // 200, 404, …
  std::string media_type;    // lower case, no parameters: "text/html"
  std::string charset;       // the Content-Type charset parameter, as sent ("" if none)
  std::string body;          // de-chunked and decompressed
};

// Parses `message`. Errors (kCorruption): no "HTTP/" status line, headers
// without an end, broken chunked coding, broken gzip/deflate; the body over
// `max_body` after decoding is kResourceExhausted.
Status ParseHttpResponse(std::string_view message, size_t max_body, HttpPayload* out);

// Splits a Content-Type value: returns the media type in lower case and puts
// the charset parameter (quotes removed) in *charset.
std::string ParseContentType(std::string_view value, std::string* charset);

// text/html and application/xhtml+xml.
bool IsHtmlMediaType(std::string_view media_type);

// Undoes "Transfer-Encoding: chunked" (RFC 9112 section 7.1); trailers are dropped.
Status Dechunk(std::string_view body, size_t max_out, std::string* out);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_HTTP_PAYLOAD_H_
