// Turning untrusted input bytes into UTF-8 text, or a clear refusal.
#ifndef CLAIMTRACE_INGEST_DECODE_H_
#define CLAIMTRACE_INGEST_DECODE_H_

#include <string>
#include <string_view>

#include "claimtrace/status.h"

namespace claimtrace::ingest {

// Decodes `bytes` to UTF-8 in *out and names the source encoding in *encoding.
//  - a UTF-8 BOM is dropped; UTF-16 (LE/BE, by BOM or by its NUL pattern) is converted;
//  - valid UTF-8 is kept as is;
//  - bytes that are not UTF-8 and hold no valid multi-byte UTF-8 sequence are read as
//    Windows-1252 (a superset of Latin-1 used by old sites) and converted;
// Errors (kCorruption): empty input, binary data (NUL or control bytes), UTF-8
// mixed with invalid bytes (the message gives the first bad byte offset).
Status DecodeToUtf8(std::string_view bytes, std::string* out, std::string* encoding);

// Stable document id: 24 hex digits of XXH3-128 over the decoded text.
std::string DocIdFor(std::string_view text);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_DECODE_H_
