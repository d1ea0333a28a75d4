// Encoding detection is deliberately simple and explainable: BOMs first, then
// UTF-16 by NUL pattern, then UTF-8 validation, then Windows-1252 when nothing
// in the input looks like UTF-8. Conversions go through ICU.
#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <xxhash.h>

#include <cstdio>

#include "util/utf8.h"

namespace claimtrace::ingest {
namespace {

Status Convert(const char* from, std::string_view bytes, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  // Worst case: every input byte becomes 3 UTF-8 bytes, plus room for the terminator.
  out->resize(bytes.size() * 3 + 4);
  int32_t n = ucnv_convert("UTF-8", from, out->data(), static_cast<int32_t>(out->size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return Status::Corruption(std::string("cannot convert from ") + from + ": " + u_errorName(err));
  out->resize(static_cast<size_t>(n));
  return Status::OK();
}

bool LooksLikeUtf16(std::string_view b, bool* little_endian) {
  if (b.size() < 4) return false;
  size_t n = b.size() < 4096 ? b.size() : 4096;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i + 1 < n; i += 2) {
    if (b[i] == 0) ++even_nul;
    if (b[i + 1] == 0) ++odd_nul;
  }
  size_t pairs = n / 2;
  if (odd_nul * 10 > pairs * 7 && even_nul * 10 < pairs) { *little_endian = true; return true; }
  if (even_nul * 10 > pairs * 7 && odd_nul * 10 < pairs) { *little_endian = false; return true; }
  return false;
}

// Control characters other than tab, newline, CR and form feed mark binary data.
size_t FirstBinaryByte(std::string_view b) {
  for (size_t i = 0; i < b.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) return i;
    if (c == 0x7F) return i;
  }
  return std::string_view::npos;
}

bool HasMultibyteUtf8(std::string_view b) {
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (c >= 0xC2 && c <= 0xF4) {
      size_t j = i;
      char32_t cp = util::NextCodePoint(b, &j);
      if (cp != U'\uFFFD' && j - i >= 2) return true;
    }
  }
  return false;
}

}  // namespace

Status DecodeToUtf8(std::string_view bytes, std::string* out, std::string* encoding) {
  out->clear();
  if (bytes.empty()) return Status::Corruption("empty input (0 bytes)");
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    *encoding = "UTF-8 (BOM)";
  } else if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    *encoding = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    Status s = Convert(encoding->c_str(), bytes.substr(2), out);
    if (!s.ok()) return s;
    if (size_t bad = FirstBinaryByte(*out); bad != std::string::npos) {
      return Status::Corruption("binary data: control byte after " + *encoding + " decoding");
    }
    return Status::OK();
  } else {
    bool le = false;
    if (LooksLikeUtf16(bytes, &le)) {
      *encoding = le ? "UTF-16LE" : "UTF-16BE";
      Status s = Convert(encoding->c_str(), bytes, out);
      if (!s.ok()) return s;
      if (FirstBinaryByte(*out) != std::string::npos) return Status::Corruption("binary data (NUL bytes)");
      return Status::OK();
    }
    *encoding = "UTF-8";
  }
  if (bytes.empty()) return Status::Corruption("empty input (only a byte-order mark)");
  if (size_t bad = FirstBinaryByte(bytes); bad != std::string::npos) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "binary data: control byte 0x%02X at byte %zu", static_cast<unsigned char>(bytes[bad]),
                  bad);
    return Status::Corruption(buf);
  }
  if (util::IsValidUtf8(bytes)) {
    out->assign(bytes);
    return Status::OK();
  }
  size_t bad = util::FirstInvalidUtf8(bytes);
  if (HasMultibyteUtf8(bytes)) {
    return Status::Corruption("invalid UTF-8 at byte " + std::to_string(bad) +
                              " (the input mixes UTF-8 with other bytes; refusing to guess)");
  }
  *encoding = "windows-1252";
  return Convert("windows-1252", bytes, out);
}

std::string DocIdFor(std::string_view text) {
  XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%08llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64 >> 32));
  return buf;
}

}  // namespace claimtrace::ingest
