// InputReader expands arguments lazily: a directory is walked (sorted, with
// symlink-loop detection) when it is reached, and a JSON Lines file is held in
// one padded buffer and parsed a line at a time with simdjson On-Demand.
// Every failure becomes a Document with `error` set, never an exception.
// WARC archives are streamed record by record; URLs and feed items are
// fetched when they are reached, so a feed of 500 links holds no pages in memory.
#include <simdjson.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <utility>

#include "claimtrace/pipeline.h"
#include "ingest/decode.h"
#include "ingest/feed.h"
#include "ingest/fetch.h"
#include "ingest/gzip.h"
#include "ingest/record.h"
#include "ingest/warc.h"
#include "util/utf8.h"

namespace claimtrace {
namespace fs = std::filesystem;

namespace {

struct Item {
  Item(std::string p, bool from_stdin, std::string err)
      : path(std::move(p)), is_stdin(from_stdin), error(std::move(err)) {}
  std::string path;
  bool is_stdin = false;
  std::string error;  // non-empty: yield an error document for `path`
  enum Kind { kFile, kUrl, kFeed } kind = kFile;
  std::string title, published;  // prefilled from a feed item
};

bool HasExtension(const std::string& path, std::initializer_list<const char*> exts) {
  std::string lower = util::AsciiLower(path);
  for (const char* e : exts) {
    size_t n = std::strlen(e);
    if (lower.size() >= n && lower.compare(lower.size() - n, n, e) == 0) return true;
  }
  return false;
}

bool IsJsonLinesPath(const std::string& p) {
  return HasExtension(p, {".jsonl", ".ndjson", ".jsonl.txt", ".jsonl.gz", ".ndjson.gz"});
}
bool IsHtmlPath(const std::string& p) { return HasExtension(p, {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"}); }
bool IsGzipPath(const std::string& p) { return HasExtension(p, {".gz"}); }
bool IsArticlePath(const std::string& p) {
  return HasExtension(p, {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".html.gz", ".htm.gz",
                          ".txt.gz", ".jsonl.gz", ".ndjson.gz", ".warc", ".warc.gz"});
}

std::string ErrnoText(int e) { return std::strerror(e); }

Status ReadAll(const std::string& path, size_t limit, std::string* out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Status::IOError("cannot read: " + ErrnoText(errno));
  if (S_ISDIR(st.st_mode)) return Status::InvalidArgument("is a directory");
  if (!S_ISREG(st.st_mode)) return Status::Unsupported("not a regular file");
  if (static_cast<size_t>(st.st_size) > limit) {
    return Status::ResourceExhausted("file is " + std::to_string(st.st_size) + " bytes, over the limit of " +
                                     std::to_string(limit));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open: " + ErrnoText(errno));
  out->resize(static_cast<size_t>(st.st_size));
  in.read(out->data(), static_cast<std::streamsize>(out->size()));
  if (in.gcount() != static_cast<std::streamsize>(out->size())) {
    out->resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) return Status::IOError("read failed: " + ErrnoText(errno));
  }
  return Status::OK();
}

InputFormat SniffFormat(std::string_view text) {
  std::string_view head = util::Trim(text.substr(0, 2048));
  std::string lower = util::AsciiLower(head.substr(0, 512));
  if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0 || lower.find("<body") != std::string::npos ||
      (lower.rfind("<", 0) == 0 && lower.find("<head") != std::string::npos)) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

}  // namespace

struct InputReader::Impl {
  std::vector<std::string> inputs;
  ReaderOptions options;
  size_t next_input = 0;
  std::deque<Item> queue;
  size_t files_seen = 0;

  // The JSON Lines file being read, if any.
  bool in_jsonl = false;
  std::string jsonl_path;
  simdjson::padded_string jsonl_buf;
  size_t jsonl_pos = 0;
  size_t jsonl_line = 0;
  simdjson::ondemand::parser parser;

  // The WARC archive being read, if any.
  std::optional<ingest::WarcReader> warc;
  std::string warc_path;

  // Web inputs.
  std::unique_ptr<ingest::Fetcher> fetcher;
  std::set<std::string> fetched_links;  // feed items already queued
  size_t next_feed = 0;
  ReaderStats stats;

  void Walk(const fs::path& dir, std::set<std::pair<dev_t, ino_t>>* ancestors);
  void Expand(const std::string& arg);
  bool NextJsonl(Document* doc);
  bool NextWarc(Document* doc);
  void LoadFile(const Item& item, Document* doc);
  void LoadUrl(const Item& item, Document* doc);
  // Queues the feed's item links ahead of what is left; false with doc->error set on failure.
  bool ExpandFeed(const Item& item, Document* doc);
  ingest::Fetcher* GetFetcher();
};

InputReader::InputReader(std::vector<std::string> inputs, ReaderOptions options) : impl_(new Impl) {
  impl_->inputs = std::move(inputs);
  impl_->options = options;
}
InputReader::~InputReader() = default;

void InputReader::Impl::Walk(const fs::path& dir, std::set<std::pair<dev_t, ino_t>>* ancestors) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    queue.push_back({dir.string(), false, "cannot read directory: " + ErrnoText(errno)});
    return;
  }
  auto key = std::make_pair(st.st_dev, st.st_ino);
  if (ancestors->count(key)) {
    queue.push_back({dir.string(), false, "symlink loop: this directory is its own ancestor; not followed"});
    return;
  }
  ancestors->insert(key);
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
  if (ec) queue.push_back({dir.string(), false, "cannot list directory: " + ec.message()});
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (files_seen >= options.max_files) {
      queue.push_back({p.string(), false, "directory walk stopped: more than " + std::to_string(options.max_files) +
                                             " files"});
      break;
    }
    struct stat pst;
    if (::stat(p.c_str(), &pst) != 0) {
      std::error_code lec;
      bool is_link = fs::is_symlink(p, lec);
      queue.push_back({p.string(), false,
                       std::string(is_link ? "broken or looping symlink: " : "cannot read: ") + ErrnoText(errno)});
      continue;
    }
    if (S_ISDIR(pst.st_mode)) {
      Walk(p, ancestors);
    } else if (S_ISREG(pst.st_mode) && IsArticlePath(p.string())) {
      ++files_seen;
      queue.push_back({p.string(), false, ""});
    }
  }
  ancestors->erase(key);
}

void InputReader::Impl::Expand(const std::string& arg) {
  if (arg == "-") {
    queue.push_back({"-", true, ""});
    return;
  }
  if (ingest::IsHttpUrl(arg)) {
    Item item{arg, false, ""};
    item.kind = Item::kUrl;
    queue.push_back(std::move(item));
    return;
  }
  struct stat st;
  if (::stat(arg.c_str(), &st) != 0) {
    queue.push_back({arg, false, (errno == ENOENT ? "no such file or directory" : "cannot read: " + ErrnoText(errno))});
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    std::set<std::pair<dev_t, ino_t>> ancestors;
    Walk(fs::path(arg), &ancestors);
  } else {
    queue.push_back({arg, false, ""});
  }
}

void InputReader::Impl::LoadFile(const Item& item, Document* doc) {
  doc->input = item.path;
  if (!item.is_stdin && ingest::IsWarcPath(item.path)) {
    ingest::WarcOptions wo;
    wo.max_record_bytes = options.max_document_bytes;
    warc.emplace(ingest::WarcReader::Open(item.path, wo));
    warc_path = item.path;
    return;  // the caller asks NextWarc for the records
  }
  std::string bytes;
  Status s;
  if (item.is_stdin) {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (bytes.size() > options.max_document_bytes && bytes.find('\n') == std::string::npos) {
      s = Status::ResourceExhausted("stdin holds " + std::to_string(bytes.size()) + " bytes, over the limit");
    }
  } else {
    // JSON Lines files are batches: allow them to be larger than one document.
    size_t limit = IsJsonLinesPath(item.path) ? options.max_document_bytes * 64 : options.max_document_bytes;
    s = ReadAll(item.path, limit, &bytes);
    if (s.ok() && IsGzipPath(item.path)) {
      std::string plain;
      s = ingest::Gunzip(bytes, limit, &plain);
      bytes = std::move(plain);
    }
  }
  if (!s.ok()) {
    doc->error = s.ToString();
    return;
  }
  bool jsonl = IsJsonLinesPath(item.path);
  if (item.is_stdin || !(jsonl || IsHtmlPath(item.path))) {
    std::string_view head = util::Trim(std::string_view(bytes).substr(0, 64));
    if (!head.empty() && head[0] == '{') jsonl = true;
  }
  if (jsonl) {
    in_jsonl = true;
    jsonl_path = item.path;
    jsonl_buf = simdjson::padded_string(bytes);
    jsonl_pos = 0;
    jsonl_line = 0;
    return;  // the caller asks NextJsonl for the records
  }
  std::string text;
  s = IsHtmlPath(item.path) ? ingest::DecodeHtmlToUtf8(bytes, std::nullopt, &text, &doc->encoding)
                             : ingest::DecodeToUtf8(bytes, &text, &doc->encoding);
  if (!s.ok()) {
    doc->error = s.ToString();
    return;
  }
  if (util::Trim(text).empty()) {
    doc->error = "corruption: input holds only whitespace";
    return;
  }
  doc->format = IsHtmlPath(item.path) ? InputFormat::kHtml : SniffFormat(text);
  doc->raw = std::move(text);
  doc->doc_id = ingest::DocIdFor(doc->raw);
}

bool InputReader::Impl::NextJsonl(Document* doc) {
  std::string_view all(jsonl_buf.data(), jsonl_buf.size());
  while (jsonl_pos < all.size()) {
    size_t end = all.find('\n', jsonl_pos);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(jsonl_pos, end - jsonl_pos);
    size_t line_begin = jsonl_pos;
    jsonl_pos = end + 1;
    ++jsonl_line;
    if (util::Trim(line).empty()) continue;
    ingest::ParseRecord(jsonl_path, jsonl_line, all.data() + line_begin, line.size(),
                        jsonl_buf.size() + simdjson::SIMDJSON_PADDING - line_begin, &parser,
                        options.max_document_bytes, doc);
    return true;
  }
  in_jsonl = false;
  jsonl_buf = simdjson::padded_string();
  return false;
}

bool InputReader::Impl::NextWarc(Document* doc) {
  ingest::WarcRecord rec;
  while (warc->Next(&rec)) {
    if (ingest::WarcRecordToDocument(warc_path, rec, options.max_document_bytes, doc) == ingest::WarcUse::kDocument) {
      return true;
    }
    ++stats.warc_records_skipped;
  }
  warc.reset();
  return false;
}

ingest::Fetcher* InputReader::Impl::GetFetcher() {
  if (!fetcher) {
    ingest::FetchOptions fo;
    fo.connect_timeout_ms = options.connect_timeout_ms;
    fo.timeout_ms = options.timeout_ms;
    fo.max_body_bytes = options.max_document_bytes;
    fo.max_redirects = options.max_redirects;
    fo.rate_per_host = options.rate_per_host;
    fetcher = std::make_unique<ingest::Fetcher>(fo);
  }
  return fetcher.get();
}

void InputReader::Impl::LoadUrl(const Item& item, Document* doc) {
  ingest::FetchDocument(GetFetcher(), item.path, doc);
  if (!item.title.empty() && !doc->title) doc->title = item.title;
  if (!item.published.empty() && !doc->published) doc->published = item.published;
}

bool InputReader::Impl::ExpandFeed(const Item& item, Document* doc) {
  doc->input = item.path;
  std::string xml;
  Status s;
  std::string base = item.path;
  if (ingest::IsHttpUrl(item.path)) {
    ingest::FetchResult r;
    s = GetFetcher()->Fetch(item.path, &r);
    xml = std::move(r.body);
    if (!r.effective_url.empty()) base = r.effective_url;
  } else {
    s = ReadAll(item.path, options.max_document_bytes, &xml);
  }
  ingest::Feed feed;
  if (s.ok()) s = ingest::ParseFeed(xml, base, &feed);
  if (s.ok() && feed.items.empty()) s = Status::NotFound("feed has no items with a link");
  if (!s.ok()) {
    doc->error = "feed: " + s.ToString();
    return false;
  }
  std::vector<Item> links;
  for (ingest::FeedItem& fi : feed.items) {
    if (!fetched_links.insert(fi.link).second) {
      ++stats.duplicate_links;
      continue;
    }
    Item it{fi.link, false, ""};
    it.kind = ingest::IsHttpUrl(fi.link) ? Item::kUrl : Item::kFile;
    if (it.kind == Item::kFile) it.error = "feed item link is not an http(s) URL: " + fi.link.substr(0, 200);
    it.title = std::move(fi.title);
    it.published = std::move(fi.published);
    links.push_back(std::move(it));
  }
  queue.insert(queue.begin(), std::make_move_iterator(links.begin()), std::make_move_iterator(links.end()));
  return true;
}

const ReaderStats& InputReader::stats() const { return impl_->stats; }

bool InputReader::Next(Document* doc) {
  *doc = Document();
  Impl& m = *impl_;
  while (true) {
    if (m.in_jsonl) {
      if (m.NextJsonl(doc)) return true;
      *doc = Document();
    }
    if (m.warc) {
      if (m.NextWarc(doc)) return true;
      *doc = Document();
    }
    if (m.queue.empty()) {
      if (m.next_input < m.inputs.size()) {
        m.Expand(m.inputs[m.next_input++]);
      } else if (m.next_feed < m.options.feeds.size()) {
        Item feed{m.options.feeds[m.next_feed++], false, ""};
        feed.kind = Item::kFeed;
        m.queue.push_back(std::move(feed));
      } else {
        return false;
      }
      continue;
    }
    Item item = std::move(m.queue.front());
    m.queue.pop_front();
    if (!item.error.empty()) {
      doc->input = item.path;
      doc->error = item.error;
      return true;
    }
    if (item.kind == Item::kUrl) {
      m.LoadUrl(item, doc);
      return true;
    }
    if (item.kind == Item::kFeed) {
      if (!m.ExpandFeed(item, doc)) return true;
      *doc = Document();
      continue;
    }
    m.LoadFile(item, doc);
    if ((m.in_jsonl || m.warc) && !doc->error) {
      *doc = Document();
      continue;
    }
    return true;
  }
}

}  // namespace claimtrace
