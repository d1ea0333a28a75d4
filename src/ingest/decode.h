// Turning untrusted input bytes into UTF-8 text, or a clear refusal.
#ifndef CLAIMTRACE_INGEST_DECODE_H_
#define CLAIMTRACE_INGEST_DECODE_H_

#include <optional>
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

// Decodes an HTML page to UTF-8. The charset comes from, in order: a BOM;
// `declared_charset` (the HTTP Content-Type charset, when the caller has one);
// a <meta charset> / <meta http-equiv="Content-Type"> or <?xml encoding?> in
// the first 4096 bytes; else DecodeToUtf8's detection. Labels follow the
// WHATWG Encoding standard where it differs from ICU (latin1, iso-8859-1 and
// ascii mean windows-1252; a utf-16 label in a byte stream means UTF-8).
// Pages declared single-byte that are valid multi-byte UTF-8 are read as UTF-8
// (a common server misconfiguration). Bytes invalid in the charset become
// U+FFFD when a charset was declared; unknown labels fall back to detection.
// Errors (kCorruption): as DecodeToUtf8 (empty input, binary data, undeclared
// mixed bytes) and conversion failures naming the charset.
Status DecodeHtmlToUtf8(std::string_view bytes, std::optional<std::string_view> declared_charset, std::string* out,
                        std::string* encoding);

// The charset an HTML page declares in its first bytes ("" if none), lower-cased.
std::string SniffHtmlCharset(std::string_view head);

// Stable document id: 24 hex digits of XXH3-128 over the decoded text.
std::string DocIdFor(std::string_view text);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_DECODE_H_
