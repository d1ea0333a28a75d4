// Writing WARC records: for tests, fuzz seeds and tools/make_warc (which builds
// archives of our own pages for end-to-end checks). Not a general WARC writer.
#ifndef CLAIMTRACE_INGEST_WARC_WRITER_H_
#define CLAIMTRACE_INGEST_WARC_WRITER_H_

#include <string>
#include <string_view>

namespace claimtrace::ingest {

// A WARC/1.0 record: version line, headers (WARC-Type, WARC-Record-ID as
// <urn:uuid:…> made from `id`, WARC-Date, WARC-Target-URI when given,
// Content-Type, Content-Length), the block and the CRLF CRLF trailer.
std::string WarcRecordBytes(std::string_view type, std::string_view id, std::string_view target_uri,
                            std::string_view content_type, std::string_view block);

// An HTTP/1.1 200 response message holding `body` with the given Content-Type.
std::string HttpResponseBytes(std::string_view content_type, std::string_view body);

// `bytes` as one gzip member (what .warc.gz holds per record).
std::string GzipMember(std::string_view bytes);

}  // namespace claimtrace::ingest

#endif  // CLAIMTRACE_INGEST_WARC_WRITER_H_
