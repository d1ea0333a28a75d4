#include "ingest/warc_writer.h"

#include <zlib.h>

#include <stdexcept>

namespace claimtrace::ingest {

std::string WarcRecordBytes(std::string_view type, std::string_view id, std::string_view target_uri,
                            std::string_view content_type, std::string_view block) {
  std::string r = "WARC/1.0\r\n";
  r += "WARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:" + std::string(id) + ">\r\n";
  r += "WARC-Date: 2025-01-01T00:00:00Z\r\n";
  if (!target_uri.empty()) r += "WARC-Target-URI: " + std::string(target_uri) + "\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string HttpResponseBytes(std::string_view content_type, std::string_view body) {
  std::string r = "HTTP/1.1 200 OK\r\nContent-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  r += body;
  return r;
}

std::string GzipMember(std::string_view bytes) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&zs, static_cast<uLong>(bytes.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

}  // namespace claimtrace::ingest
