// gzip (RFC 1952) decompression through zlib, with a hard limit on the
// decompressed size so that a small file cannot expand into gigabytes.
#ifndef CLAIMTRACE_INGEST_GZIP_H_
#define CLAIMTRACE_INGEST_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "claimtrace/status.h"

namespace claimtrace::ingest {

// True when `bytes` starts with the gzip magic (1f 8b 08).
bool LooksLikeGzip(std::string_view bytes);

// Decompresses every gzip member of `compressed` (concatenated members, as
// `cat a.gz b.gz` makes, are one stream) into *out. Errors:
//  kResourceExhausted  the output would exceed `max_out` bytes (a gzip bomb);
//  kCorruption         not gzip, a damaged stream (bad header, bad data, CRC or
//                      length mismatch) or a stream cut short; the message gives
//                      the compressed byte offset.
Status Gunzip(std::string_view compressed, size_t max_out, std::string* out);

// Raw or zlib-wrapped deflate, as HTTP "Content-Encoding: deflate" sends it
// (servers disagree on which); same limit and errors as Gunzip.
Status Inflate(std::string_view compressed, size_t max_out, std::string* out);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_GZIP_H_
