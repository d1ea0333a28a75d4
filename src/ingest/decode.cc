// Encoding detection is deliberately simple and explainable: BOMs first, then
// UTF-16 by NUL pattern, then UTF-8 validation, then Windows-1252 when nothing
// in the input looks like UTF-8. Conversions go through ICU.
#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
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

namespace {

// The value after "charset=" or "encoding=" at s[at], without quotes.
std::string LabelAt(std::string_view s, size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '"' || s[at] == '\'' || s[at] == '=')) ++at;
  size_t end = at;
  while (end < s.size() && end - at < 40 &&
         (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' || s[end] == '_' || s[end] == '.' ||
          s[end] == ':')) {
    ++end;
  }
  return std::string(s.substr(at, end - at));
}

// WHATWG label -> ICU converter name ("" when the bytes should be read as UTF-8).
std::string ConverterFor(std::string label) {
  label = util::AsciiLower(util::Trim(label));
  if (label.empty()) return "";
  if (label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" || label.rfind("utf-16", 0) == 0 ||
      label == "unicode" || label == "ucs-2") {
    return "UTF-8";
  }
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "latin-1" || label == "l1" ||
      label == "us-ascii" || label == "ascii" || label == "cp1252" || label == "x-cp1252" || label == "cp819" ||
      label == "iso_8859-1" || label == "x-user-defined" || label == "ansi_x3.4-1968" || label == "iso-ir-100") {
    return "windows-1252";
  }
  if (label == "iso-8859-9" || label == "latin5" || label == "iso8859-9") return "windows-1254";
  if (label == "tis-620" || label == "iso-8859-11") return "windows-874";
  if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "gb_2312-80") return "GB18030";
  if (label == "euc-kr" || label == "ks_c_5601-1987") return "windows-949";
  if (label == "shift_jis" || label == "sjis" || label == "x-sjis" || label == "ms_kanji") return "windows-31j";
  return label;
}

}  // namespace

std::string SniffHtmlCharset(std::string_view head) {
  std::string h = util::AsciiLower(head.substr(0, 4096));
  if (h.rfind("<?xml", 0) == 0) {
    size_t end = h.find("?>");
    size_t enc = h.find("encoding", 0);
    if (enc != std::string::npos && enc < end) return LabelAt(h, enc + 8);
  }
  for (size_t at = h.find("<meta"); at != std::string::npos; at = h.find("<meta", at + 5)) {
    size_t close = h.find('>', at);
    std::string_view tag = std::string_view(h).substr(at, close == std::string::npos ? std::string::npos : close - at);
    size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::string label = LabelAt(tag, cs + 7);
    if (!label.empty()) return label;
  }
  return "";
}

Status DecodeHtmlToUtf8(std::string_view bytes, std::optional<std::string_view> declared_charset, std::string* out,
                        std::string* encoding) {
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF") || starts("\xFF\xFE") || starts("\xFE\xFF")) return DecodeToUtf8(bytes, out, encoding);
  bool le = false;
  if (LooksLikeUtf16(bytes, &le)) return DecodeToUtf8(bytes, out, encoding);
  // A few stray control bytes in a text page (a 0x7F or 0x07 pasted from
  // somewhere) do not make it binary: they become spaces, byte for byte, so
  // offsets stay true. Many of them, or a NUL near the start, do.
  std::string blanked;
  size_t controls = 0;
  for (size_t at = FirstBinaryByte(bytes); at != std::string_view::npos;) {
    if ((bytes[at] == 0 && at < 1024) || ++controls > std::max<size_t>(16, bytes.size() / 2000)) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "binary data: control byte 0x%02X at byte %zu",
                    static_cast<unsigned char>(bytes[at]), at);
      return Status::Corruption(buf);
    }
    if (blanked.empty()) blanked.assign(bytes);
    blanked[at] = ' ';
    size_t next = FirstBinaryByte(bytes.substr(at + 1));
    at = next == std::string_view::npos ? next : at + 1 + next;
  }
  if (!blanked.empty()) bytes = blanked;
  std::string label = declared_charset ? std::string(*declared_charset) : "";
  if (ConverterFor(label).empty()) label = SniffHtmlCharset(bytes);
  std::string conv = ConverterFor(label);
  if (conv.empty()) return DecodeToUtf8(bytes, out, encoding);
  bool valid_utf8 = util::IsValidUtf8(bytes);
  if (conv == "UTF-8" || (valid_utf8 && HasMultibyteUtf8(bytes))) {
    if (valid_utf8) {
      *encoding = conv == "UTF-8" ? "UTF-8" : "UTF-8 (declared " + label + ")";
      out->assign(bytes);
      return Status::OK();
    }
    // Declared UTF-8 with stray bytes: replaced, as browsers do.
    *encoding = "UTF-8 (invalid bytes replaced)";
    return Convert("UTF-8", bytes, out);
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(conv.c_str(), &err);
  if (U_FAILURE(err) || !probe) return DecodeToUtf8(bytes, out, encoding);  // an unknown label
  ucnv_close(probe);
  *encoding = conv;
  return Convert(conv.c_str(), bytes, out);
}

std::string DocIdFor(std::string_view text) {
  XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%08llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64 >> 32));
  return buf;
}

}  // namespace claimtrace::ingest
