// One inflate loop for gzip and deflate. zlib checks each gzip member's CRC-32
// and length; the loop restarts after Z_STREAM_END when more bytes follow, so
// multi-member files decompress whole, and it stops at `max_out`.
#include "ingest/gzip.h"

#include <zlib.h>

#include <algorithm>

namespace claimtrace::ingest {
namespace {

// windowBits: 15 + 16 = gzip only, 15 + 32 = zlib or gzip, -15 = raw deflate.
Status InflateLoop(std::string_view in, int window_bits, bool multi_member, size_t max_out, std::string* out,
                   const char* what) {
  out->clear();
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status::Internal("zlib: inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  size_t fed = zs.avail_in;
  char buf[64 * 1024];
  Status result;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof buf - zs.avail_out;
    if (out->size() + produced > max_out) {
      result = Status::ResourceExhausted(std::string(what) + " expands to more than " + std::to_string(max_out) +
                                         " bytes (the limit); refusing it");
      break;
    }
    out->append(buf, produced);
    size_t consumed = static_cast<size_t>(zs.next_in - reinterpret_cast<const Bytef*>(in.data()));
    if (zs.avail_in == 0 && fed < in.size()) {  // inputs over 4 GB: feed the next slice
      size_t more = std::min<size_t>(in.size() - fed, UINT32_MAX);
      zs.avail_in = static_cast<uInt>(more);
      fed += more;
    }
    if (rc == Z_STREAM_END) {
      if (!multi_member || consumed >= in.size()) break;
      // Another member follows (or trailing bytes, which inflate rejects as a bad header).
      inflateReset(&zs);
      continue;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      result = Status::Corruption(std::string(what) + " is cut short (truncated) after " + std::to_string(consumed) +
                                  " compressed bytes");
      break;
    }
    result = Status::Corruption(std::string(what) + ": " + (zs.msg ? zs.msg : "invalid data") +
                                " at compressed byte " + std::to_string(consumed));
    break;
  }
  inflateEnd(&zs);
  if (!result.ok()) out->clear();
  return result;
}

}  // namespace

bool LooksLikeGzip(std::string_view b) { return b.size() >= 3 && b[0] == '\x1f' && b[1] == '\x8b' && b[2] == '\x08'; }

Status Gunzip(std::string_view compressed, size_t max_out, std::string* out) {
  if (!LooksLikeGzip(compressed)) {
    out->clear();
    return Status::Corruption("not a gzip stream (no 1f 8b 08 magic at byte 0)");
  }
  return InflateLoop(compressed, 15 + 16, true, max_out, out, "gzip stream");
}

Status Inflate(std::string_view compressed, size_t max_out, std::string* out) {
  bool zlib_header = compressed.size() >= 2 && (static_cast<unsigned char>(compressed[0]) & 0x0F) == 8 &&
                     ((static_cast<unsigned char>(compressed[0]) << 8) | static_cast<unsigned char>(compressed[1])) %
                             31 == 0;
  return InflateLoop(compressed, zlib_header ? 15 : -15, false, max_out, out, "deflate stream");
}

}  // namespace claimtrace::ingest
