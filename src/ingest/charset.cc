// The declared charset is a hint from the transport, often wrong on old sites:
// it is used only when ICU knows it and, for UTF-8, when the bytes validate.
#include "ingest/charset.h"

#include <unicode/ucnv.h>

#include "ingest/decode.h"
#include "util/utf8.h"

namespace claimtrace::ingest {
namespace {

bool HasBom(std::string_view b) {
  return b.substr(0, 3) == "\xEF\xBB\xBF" || b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF";
}

bool HasControlBytes(std::string_view s) {
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) return true;
  }
  return false;
}

bool LooksLikeHtml(std::string_view text) {
  std::string lower = util::AsciiLower(util::Trim(text.substr(0, 2048)).substr(0, 512));
  return lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0 ||
         lower.find("<body") != std::string::npos || (lower.rfind("<", 0) == 0 && lower.find("<head") != std::string::npos);
}

}  // namespace

Status DecodeDeclared(std::string_view bytes, const std::optional<std::string>& declared, std::string* out,
                      std::string* encoding) {
  if (!declared || declared->empty() || bytes.empty() || HasBom(bytes)) return DecodeToUtf8(bytes, out, encoding);
  std::string name = util::AsciiLower(util::Trim(*declared));
  if (name == "utf-8" || name == "utf8") {
    if (util::IsValidUtf8(bytes) && !HasControlBytes(bytes)) {
      out->assign(bytes);
      *encoding = "UTF-8";
      return Status::OK();
    }
    Status s = DecodeToUtf8(bytes, out, encoding);
    if (s.ok()) *encoding += " (declared UTF-8, which the bytes are not)";
    return s;
  }
  if (name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "us-ascii" || name == "ascii") {
    name = "windows-1252";
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || probe == nullptr) {
    Status s = DecodeToUtf8(bytes, out, encoding);
    if (s.ok()) *encoding += " (declared charset '" + util::AsciiLower(*declared).substr(0, 40) + "' is unknown)";
    return s;
  }
  std::string canonical = ucnv_getName(probe, &err);
  ucnv_close(probe);
  err = U_ZERO_ERROR;
  out->resize(bytes.size() * 4 + 4);
  int32_t n = ucnv_convert("UTF-8", name.c_str(), out->data(), static_cast<int32_t>(out->size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    out->clear();
    return Status::Corruption("cannot convert from the declared charset " + name + ": " + u_errorName(err));
  }
  out->resize(static_cast<size_t>(n));
  if (HasControlBytes(*out)) {
    out->clear();
    return Status::Corruption("binary data: control bytes after decoding as the declared charset " + name);
  }
  *encoding = name == "windows-1252" ? "windows-1252" : canonical;
  return Status::OK();
}

void SetDocumentBody(std::string_view bytes, bool html, Document* doc) {
  std::string text;
  // An HTML page: byte-order mark, then the HTTP charset, then <meta charset>, then detection.
  Status s = html ? DecodeHtmlToUtf8(bytes,
                                     doc->declared_charset ? std::optional<std::string_view>(*doc->declared_charset)
                                                           : std::nullopt,
                                     &text, &doc->encoding)
                  : DecodeDeclared(bytes, doc->declared_charset, &text, &doc->encoding);
  if (!s.ok()) {
    doc->error = s.ToString();
    return;
  }
  if (util::Trim(text).empty()) {
    doc->error = "corruption: input holds only whitespace";
    return;
  }
  doc->format = html || LooksLikeHtml(text) ? InputFormat::kHtml : InputFormat::kText;
  doc->raw = std::move(text);
  doc->doc_id = DocIdFor(doc->raw);
}

}  // namespace claimtrace::ingest
