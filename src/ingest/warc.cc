// Two layers: Stream gives the decompressed bytes of the file (inflating gzip
// members one after another, and able to jump to the next member after a
// broken one), and WarcReader::Next parses records from it. Resynchronising
// on "\nWARC/1." inside the bytes already read uses Unread, so a record whose
// Content-Length is too long does not swallow the records after it.
#include "ingest/warc.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <utility>

#include "ingest/charset.h"
#include "ingest/gzip.h"
#include "ingest/http_payload.h"
#include "util/utf8.h"

namespace claimtrace::ingest {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kMaxHeaderBytes = 64 * 1024;
constexpr std::string_view kVersion = "WARC/1.";

class RawSource {
 public:
  virtual ~RawSource() = default;
  virtual size_t Read(char* buf, size_t n) = 0;  // 0 at the end or on an error
  virtual bool Seek(uint64_t pos) = 0;
};

class FileSource : public RawSource {
 public:
  explicit FileSource(std::FILE* f) : f_(f) {}
  ~FileSource() override { std::fclose(f_); }
  size_t Read(char* buf, size_t n) override { return std::fread(buf, 1, n, f_); }
  bool Seek(uint64_t pos) override { return fseeko(f_, static_cast<off_t>(pos), SEEK_SET) == 0; }

 private:
  std::FILE* f_;
};

class MemorySource : public RawSource {
 public:
  explicit MemorySource(std::string_view b) : b_(b) {}
  size_t Read(char* buf, size_t n) override {
    size_t k = std::min(n, b_.size() - pos_);
    std::memcpy(buf, b_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  bool Seek(uint64_t pos) override {
    if (pos > b_.size()) return false;
    pos_ = static_cast<size_t>(pos);
    return true;
  }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

// The decompressed bytes of the file, with look-ahead and push-back.
class Stream {
 public:
  Stream(std::unique_ptr<RawSource> raw, bool gz) : raw_(std::move(raw)), gz_(gz) {
    if (gz_) {
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) error_ = "zlib: inflateInit2 failed";
      members_.push_back({0, 0});
    }
  }
  ~Stream() {
    if (gz_) inflateEnd(&zs_);
  }

  // Makes at least n bytes available (fewer at the end or on an error); returns how many are.
  size_t Fill(size_t n) {
    while (out_.size() - pos_ < n && error_.empty() && !eof_) {
      if (gz_) {
        InflateSome();
      } else {
        char buf[kChunk];
        size_t k = raw_->Read(buf, sizeof buf);
        if (k == 0) eof_ = true;
        out_.append(buf, k);
      }
    }
    return out_.size() - pos_;
  }
  std::string_view Avail() const { return std::string_view(out_).substr(pos_); }
  void Consume(size_t n) {
    pos_ += n;
    if (pos_ > 4 * kChunk && pos_ * 2 > out_.size()) {  // keep the buffer from growing without end
      out_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
  }
  void Unread(std::string_view s) {
    out_.insert(pos_, s);
    // The pushed-back bytes were already counted: step the offset back over them.
    if (base_ >= s.size()) {
      base_ -= s.size();
    } else {
      base_ = 0;
    }
  }
  uint64_t Offset() const { return base_ + pos_; }
  // File offset for the decompressed offset `off`: itself for a plain file,
  // else the start of the gzip member holding it.
  uint64_t FileOffset(uint64_t off) {
    if (!gz_) return off;
    uint64_t at = members_.front().second;
    for (const auto& [dec, comp] : members_) {
      if (dec > off) break;
      at = comp;
    }
    while (members_.size() > 1 && members_[1].first <= off) members_.pop_front();
    return at;
  }
  const std::string& error() const { return error_; }
  uint64_t error_member() const { return member_start_; }
  bool AtEnd() { return Fill(1) == 0 && error_.empty(); }

  // After a gzip error: drops what is left of the broken member and resumes at
  // the next gzip header after its start. Damage found before any output of a
  // resumed member (a false header match) moves on silently.
  void RecoverGzip(uint64_t member) {
    uint64_t from = member + 1;
    while (true) {
      error_.clear();
      out_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
      out_.clear();
      in_.clear();
      in_pos_ = 0;
      members_.clear();
      uint64_t found = 0;
      if (!FindMagic(from, &found)) {
        eof_ = true;
        members_.push_back({base_, from});
        return;
      }
      member_start_ = found;
      in_file_pos_ = found;
      raw_->Seek(found);
      inflateReset(&zs_);
      members_.push_back({base_, found});
      produced_in_member_ = 0;
      Fill(1);
      if (error_.empty() || produced_in_member_ > 0) return;
      from = member_start_ + 1;
    }
  }
  bool gz() const { return gz_; }

 private:
  void InflateSome() {
    if (in_pos_ >= in_.size()) {
      in_file_pos_ += in_.size();
      in_.resize(kChunk);
      size_t k = raw_->Read(in_.data(), in_.size());
      in_.resize(k);
      in_pos_ = 0;
      if (k == 0) {
        if (produced_in_member_ > 0 || in_member_) {
          error_ = "gzip member cut short (the file ends inside it)";
        } else {
          eof_ = true;
        }
        return;
      }
    }
    char buf[kChunk];
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = sizeof buf;
    in_member_ = true;
    int rc = inflate(&zs_, Z_NO_FLUSH);
    in_pos_ = in_.size() - zs_.avail_in;
    size_t produced = sizeof buf - zs_.avail_out;
    out_.append(buf, produced);
    produced_in_member_ += produced;
    if (rc == Z_STREAM_END) {
      inflateReset(&zs_);
      in_member_ = false;
      member_start_ = in_file_pos_ + in_pos_;
      produced_in_member_ = 0;
      members_.push_back({base_ + out_.size(), member_start_});
      return;
    }
    if (rc == Z_OK || (rc == Z_BUF_ERROR && zs_.avail_in == 0)) return;
    error_ = std::string("gzip: ") + (zs_.msg ? zs_.msg : "invalid data");
  }

  bool FindMagic(uint64_t from, uint64_t* found) {
    if (!raw_->Seek(from)) return false;
    std::string window;
    uint64_t window_pos = from;
    char buf[kChunk];
    while (true) {
      size_t k = raw_->Read(buf, sizeof buf);
      if (k == 0) return false;
      window.append(buf, k);
      size_t at = window.find("\x1f\x8b\x08");
      if (at != std::string::npos) {
        *found = window_pos + at;
        return true;
      }
      size_t keep = std::min<size_t>(window.size(), 2);
      window_pos += window.size() - keep;
      window.erase(0, window.size() - keep);
    }
  }

  std::unique_ptr<RawSource> raw_;
  bool gz_;
  z_stream zs_{};
  std::string out_;
  size_t pos_ = 0;
  uint64_t base_ = 0;  // decompressed offset of out_[0]
  bool eof_ = false;
  std::string error_;
  // gzip state
  std::string in_;
  size_t in_pos_ = 0;
  uint64_t in_file_pos_ = 0;  // file offset of in_[0]
  uint64_t member_start_ = 0;
  bool in_member_ = false;
  size_t produced_in_member_ = 0;
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (decompressed start, file offset)
};

std::string_view TrimWs(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) { return a.size() == b.size() && util::AsciiLower(a) == util::AsciiLower(b); }

// A short, printable excerpt of damaged bytes for an error message.
std::string Excerpt(std::string_view s) {
  std::string out;
  for (char ch : s.substr(0, 24)) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\r' || c == '\n') break;
    out += (c >= 0x20 && c < 0x7F) ? ch : '?';
  }
  return out;
}

}  // namespace

struct WarcReader::Impl {
  WarcOptions options;
  std::unique_ptr<Stream> stream;
  std::string open_error;
  uint64_t count = 0;
  bool done = false;

  void SkipBlankLines() {
    while (Fill(1) > 0) {
      char c = stream->Avail()[0];
      if (c != '\r' && c != '\n') return;
      stream->Consume(1);
    }
  }
  size_t Fill(size_t n) { return stream->Fill(n); }

  // Moves to the next line starting "WARC/1."; returns the bytes skipped.
  uint64_t ScanToNextRecord() {
    uint64_t skipped = 0;
    while (true) {
      Fill(kChunk);
      std::string_view a = stream->Avail();
      size_t at = a.find("\nWARC/1.");
      if (at != std::string_view::npos) {
        stream->Consume(at + 1);
        return skipped + at + 1;
      }
      if (!stream->error().empty()) return skipped;
      if (a.size() <= kVersion.size()) {  // the end
        stream->Consume(a.size());
        return skipped + a.size();
      }
      size_t drop = a.size() - kVersion.size();
      stream->Consume(drop);
      skipped += drop;
    }
  }

  void Fail(WarcRecord* rec, const std::string& what) { rec->error = what; }
};

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::WarcReader(WarcReader&&) noexcept = default;
WarcReader& WarcReader::operator=(WarcReader&&) noexcept = default;
WarcReader::~WarcReader() = default;

WarcReader WarcReader::Open(const std::string& path, WarcOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    impl->open_error = std::string("cannot open: ") + std::strerror(errno);
    return WarcReader(std::move(impl));
  }
  unsigned char magic[3] = {0, 0, 0};
  size_t k = std::fread(magic, 1, 3, f);
  bool gz = k == 3 && magic[0] == 0x1f && magic[1] == 0x8b && magic[2] == 0x08;
  std::rewind(f);
  impl->stream = std::make_unique<Stream>(std::make_unique<FileSource>(f), gz);
  return WarcReader(std::move(impl));
}

WarcReader WarcReader::FromMemory(std::string_view bytes, WarcOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->stream = std::make_unique<Stream>(std::make_unique<MemorySource>(bytes), LooksLikeGzip(bytes));
  return WarcReader(std::move(impl));
}

bool WarcReader::compressed() const { return impl_->stream && impl_->stream->gz(); }

bool WarcReader::Next(WarcRecord* rec) {
  *rec = WarcRecord();
  Impl& m = *impl_;
  if (m.done) return false;
  if (!m.open_error.empty()) {
    m.done = true;
    rec->number = 0;
    rec->error = m.open_error;
    return true;
  }
  Stream& s = *m.stream;
  m.SkipBlankLines();
  uint64_t start = s.Offset();
  rec->number = ++m.count;
  rec->offset = s.FileOffset(start);
  auto where = [&] {
    return "record " + std::to_string(rec->number) + (s.gz() ? " (gzip member at byte " : " (at byte ") +
           std::to_string(rec->offset) + ")";
  };
  // A gzip error ends this record; reading resumes at the next member.
  auto gzip_failure = [&] {
    rec->offset = s.error_member();
    rec->error = "record " + std::to_string(rec->number) + " (gzip member at byte " + std::to_string(rec->offset) +
                 "): " + s.error() + "; skipped to the next gzip member";
    rec->block.clear();
    s.RecoverGzip(rec->offset);
    return true;
  };
  // A damaged record: in .warc.gz reading resumes at the next gzip member
  // (scanning the decompressed bytes could land inside a broken member); in a
  // plain file, at the next "WARC/1." line.
  auto damaged = [&](const std::string& what) {
    rec->error = where() + ": " + what;
    rec->block.clear();
    if (s.gz()) {
      rec->error += "; skipped to the next gzip member";
      s.RecoverGzip(rec->offset);
    } else {
      uint64_t skipped = m.ScanToNextRecord();
      rec->error += "; skipped " + std::to_string(skipped) + " bytes to the next record";
    }
    return true;
  };
  if (s.Fill(1) == 0) {
    if (!s.error().empty()) return gzip_failure();
    --m.count;
    m.done = true;
    return false;
  }

  size_t avail = s.Fill(kMaxHeaderBytes);
  std::string_view a = s.Avail();
  if (a.substr(0, kVersion.size()) != kVersion) {
    if (!s.error().empty()) return gzip_failure();
    return damaged("expected a 'WARC/1.x' version line, found '" + Excerpt(a) + "'");
  }
  size_t header_end = std::string_view::npos, crlf = a.find("\r\n\r\n"), lf = a.find("\n\n");
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf + 2 < lf)) header_end = crlf + 4;
  else if (lf != std::string_view::npos) header_end = lf + 2;
  if (header_end == std::string_view::npos || header_end > kMaxHeaderBytes) {
    if (!s.error().empty()) return gzip_failure();
    bool at_end = avail < kMaxHeaderBytes;
    s.Consume(1);
    return damaged(at_end ? "the file ends inside the record's headers (truncated)"
                          : "headers longer than 64 KB without a blank line");
  }
  // Headers: "Name: value" lines, continuation lines folded in.
  std::string_view head = a.substr(0, header_end);
  long long length = -1;
  bool bad_length = false;
  std::string last_name;
  size_t eol = head.find('\n');
  for (size_t pos = eol + 1; pos < head.size();) {
    size_t e = head.find('\n', pos);
    if (e == std::string_view::npos) e = head.size();
    std::string_view line = head.substr(pos, e - pos);
    pos = e + 1;
    if (TrimWs(line).empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = TrimWs(line.substr(0, colon));
    std::string value(TrimWs(line.substr(colon + 1)));
    if (IEquals(name, "WARC-Type")) {
      rec->type = util::AsciiLower(value);
    } else if (IEquals(name, "WARC-Record-ID")) {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
      rec->record_id = value;
    } else if (IEquals(name, "WARC-Target-URI")) {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
      rec->target_uri = value;
    } else if (IEquals(name, "WARC-Date")) {
      rec->date = value;
    } else if (IEquals(name, "Content-Type")) {
      rec->content_type = value;
    } else if (IEquals(name, "Content-Length")) {
      length = 0;
      if (value.empty() || value.size() > 18) {  // 18 digits cannot overflow
        bad_length = true;
        continue;
      }
      for (char c : value) {
        if (c < '0' || c > '9') {
          bad_length = true;
          break;
        }
        length = length * 10 + (c - '0');
      }
    }
  }
  s.Consume(header_end);
  if (length < 0 || bad_length) {
    return damaged(length < 0 ? "no Content-Length header" : "Content-Length is not a number (of at most 18 digits)");
  }
  if (static_cast<unsigned long long>(length) > m.options.max_record_bytes) {
    return damaged("Content-Length " + std::to_string(length) + " is over the limit of " +
                   std::to_string(m.options.max_record_bytes) + " bytes");
  }
  size_t len = static_cast<size_t>(length);
  // One byte past the trailer: in .warc.gz this makes zlib check the member's
  // CRC before the record is handed out.
  size_t got = s.Fill(len + 5);
  if (got < len) {
    if (!s.error().empty()) return gzip_failure();
    s.Consume(got);
    rec->error = where() + ": truncated: Content-Length is " + std::to_string(len) + " but the file ends after " +
                 std::to_string(got) + " bytes of the block";
    return true;
  }
  rec->block.assign(s.Avail().substr(0, len));
  s.Consume(len);
  // The block must be followed by CRLF CRLF (a blank LF line is tolerated).
  std::string_view trailer = s.Avail().substr(0, 2);
  bool at_end = trailer.empty() && s.AtEnd();
  if (!at_end && (trailer.size() < 1 || (trailer[0] != '\r' && trailer[0] != '\n'))) {
    if (s.gz()) {
      if (!s.error().empty() && s.error_member() == rec->offset) return gzip_failure();
      return damaged("the block is not followed by a blank line (wrong Content-Length " + std::to_string(len) + "?)");
    }
    // A wrong Content-Length: if the next record starts inside the block, step back to it.
    size_t next = rec->block.find("\nWARC/1.");
    std::string what = where() + ": the block is not followed by a blank line (wrong Content-Length " +
                       std::to_string(len) + "?)";
    if (next != std::string::npos) {
      s.Unread(std::string_view(rec->block).substr(next + 1));
      what += "; the next record starts at byte " + std::to_string(next + 1) + " of the block";
    }
    rec->block.clear();
    rec->error = what;
    return true;
  }
  if (!s.error().empty() && s.error_member() == rec->offset) {  // this record's own member is damaged
    rec->block.clear();
    return gzip_failure();
  }
  return true;
}

bool IsWarcPath(const std::string& path) {
  std::string lower = util::AsciiLower(path);
  auto ends = [&](std::string_view e) { return lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0; };
  return ends(".warc") || ends(".warc.gz");
}

WarcUse WarcRecordToDocument(const std::string& path, const WarcRecord& rec, size_t max_doc_bytes, Document* doc) {
  if (!rec.error.empty()) {
    doc->input = path + "#record-" + std::to_string(rec.number);
    doc->error = "corruption: " + path + ": " + rec.error;
    return WarcUse::kDocument;
  }
  std::string charset;
  std::string media = ParseContentType(rec.content_type, &charset);
  HttpPayload payload;
  Status s;
  if (rec.type == "response") {
    if (media.rfind("application/http", 0) != 0 && rec.block.substr(0, 5) != "HTTP/") return WarcUse::kSkipped;
    s = ParseHttpResponse(rec.block, max_doc_bytes, &payload);
    if (s.ok() && (payload.status != 200 || !IsHtmlMediaType(payload.media_type))) return WarcUse::kSkipped;
  } else if (rec.type == "resource") {
    if (!IsHtmlMediaType(media)) return WarcUse::kSkipped;
    payload.charset = charset;
    if (rec.block.size() > max_doc_bytes) {
      s = Status::ResourceExhausted("block is " + std::to_string(rec.block.size()) + " bytes, over the limit");
    } else {
      payload.body = rec.block;
    }
  } else {
    return WarcUse::kSkipped;
  }
  std::string id = rec.record_id.empty() ? "record-" + std::to_string(rec.number) : rec.record_id;
  doc->input = path + "#" + id;
  doc->record_id = id;
  if (!rec.target_uri.empty()) doc->url = rec.target_uri;
  if (!s.ok()) {
    doc->error = s.ToString() + " (" + path + ", record " + std::to_string(rec.number) + " at byte " +
                 std::to_string(rec.offset) + ")";
    return WarcUse::kDocument;
  }
  if (!payload.charset.empty()) doc->declared_charset = payload.charset;
  SetDocumentBody(payload.body, true, doc);
  return WarcUse::kDocument;
}

}  // namespace claimtrace::ingest
