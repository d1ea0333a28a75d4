// A small HTTP/1.x response parser for archived messages (curl parses live
// ones). Header names are matched case-insensitively; LF-only line ends are
// accepted because some crawlers wrote them.
#include "ingest/http_payload.h"

#include <cctype>

#include "ingest/gzip.h"
#include "util/utf8.h"

namespace claimtrace::ingest {
namespace {

std::string_view TrimWs(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Position just after the blank line ending the headers, or npos.
size_t HeaderEnd(std::string_view m) {
  size_t crlf = m.find("\r\n\r\n"), lf = m.find("\n\n");
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) return crlf + 4;
  if (lf != std::string_view::npos) return lf + 2;
  return std::string_view::npos;
}

}  // namespace

std::string ParseContentType(std::string_view value, std::string* charset) {
  charset->clear();
  size_t semi = value.find(';');
  std::string media = util::AsciiLower(TrimWs(value.substr(0, semi)));
  while (semi != std::string_view::npos) {
    size_t next = value.find(';', semi + 1);
    std::string_view param = TrimWs(value.substr(semi + 1, next == std::string_view::npos ? next : next - semi - 1));
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && IEquals(TrimWs(param.substr(0, eq)), "charset")) {
      std::string_view v = TrimWs(param.substr(eq + 1));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
      charset->assign(TrimWs(v));
    }
    semi = next;
  }
  return media;
}

bool IsHtmlMediaType(std::string_view t) { return t == "text/html" || t == "application/xhtml+xml"; }

Status Dechunk(std::string_view body, size_t max_out, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return Status::Corruption("chunked body cut short: no chunk-size line at byte " + std::to_string(pos));
    std::string_view line = TrimWs(body.substr(pos, eol - pos));
    if (size_t semi = line.find(';'); semi != std::string_view::npos) line = TrimWs(line.substr(0, semi));
    if (line.empty() || line.size() > 15) {
      return Status::Corruption("bad chunk-size line at byte " + std::to_string(pos));
    }
    uint64_t size = 0;
    for (char c : line) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return Status::Corruption("bad chunk size at byte " + std::to_string(pos));
      size = size * 16 + static_cast<uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
    }
    pos = eol + 1;
    if (size == 0) return Status::OK();  // trailers, if any, are not needed
    if (size > body.size() - pos) return Status::Corruption("chunk of " + std::to_string(size) + " bytes runs past the end of the body");
    if (out->size() + size > max_out) return Status::ResourceExhausted("chunked body over the limit of " + std::to_string(max_out) + " bytes");
    out->append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") pos += 2;
    else if (body.substr(pos, 1) == "\n") pos += 1;
    else return Status::Corruption("chunk not followed by CRLF at byte " + std::to_string(pos));
  }
}

Status ParseHttpResponse(std::string_view m, size_t max_body, HttpPayload* out) {
  *out = HttpPayload();
  if (m.substr(0, 5) != "HTTP/") return Status::Corruption("no HTTP status line (the block does not start with 'HTTP/')");
  size_t end = HeaderEnd(m);
  if (end == std::string_view::npos) return Status::Corruption("HTTP headers have no end (no blank line)");
  std::string_view head = m.substr(0, end);
  size_t eol = head.find('\n');
  std::string_view status_line = TrimWs(head.substr(0, eol));
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos || status_line.size() < sp + 4 || !std::isdigit(static_cast<unsigned char>(status_line[sp + 1])) ||
      !std::isdigit(static_cast<unsigned char>(status_line[sp + 2])) || !std::isdigit(static_cast<unsigned char>(status_line[sp + 3]))) {
    return Status::Corruption("bad HTTP status line");
  }
  out->status = (status_line[sp + 1] - '0') * 100 + (status_line[sp + 2] - '0') * 10 + (status_line[sp + 3] - '0');
  std::string transfer_encoding, content_encoding;
  for (size_t pos = eol + 1; pos < head.size();) {
    size_t e = head.find('\n', pos);
    if (e == std::string_view::npos) e = head.size();
    std::string_view line = TrimWs(head.substr(pos, e - pos));
    pos = e + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = TrimWs(line.substr(0, colon)), value = TrimWs(line.substr(colon + 1));
    if (IEquals(name, "Content-Type")) {
      out->media_type = ParseContentType(value, &out->charset);
    } else if (IEquals(name, "Transfer-Encoding")) {
      transfer_encoding = util::AsciiLower(value);
    } else if (IEquals(name, "Content-Encoding")) {
      content_encoding = util::AsciiLower(value);
    }
  }
  std::string_view body = m.substr(end);
  // Some archives store the decoded body but keep the header: trust the bytes.
  std::string dechunked;
  if (transfer_encoding.find("chunked") != std::string::npos) {
    Status s = Dechunk(body, max_body, &dechunked);
    if (!s.ok()) return s;
    body = dechunked;
  }
  if ((content_encoding == "gzip" || content_encoding == "x-gzip") && LooksLikeGzip(body)) {
    return Gunzip(body, max_body, &out->body);
  }
  if (content_encoding == "deflate" && !body.empty() && body.front() != '<') {
    return Inflate(body, max_body, &out->body);
  }
  if (body.size() > max_body) {
    return Status::ResourceExhausted("HTTP body is " + std::to_string(body.size()) + " bytes, over the limit of " +
                                     std::to_string(max_body));
  }
  out->body.assign(body);
  return Status::OK();
}

}  // namespace claimtrace::ingest
