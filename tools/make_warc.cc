// claimtrace_make_warc: builds a WARC (.warc.gz by default) of N pages made
// from a directory of our own .html/.txt articles, for end-to-end checks of
// WARC ingest: each page is a response record (with a request record before
// it, as crawlers write), every fifth one served chunked and gzip-encoded,
// every tenth followed by a non-HTML response, and optionally one record
// damaged on purpose. Pages beyond the number of articles are variations
// (an edition line added), so every page has its own doc_id.
//
//   claimtrace_make_warc -o pages.warc.gz --pages 300 --damage 150 examples/
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ingest/warc_writer.h"

namespace fs = std::filesystem;
using namespace claimtrace::ingest;

namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

// A .txt article as a simple HTML page: first line the headline, blank lines between paragraphs.
std::string TextToHtml(const std::string& text) {
  std::string html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>";
  size_t eol = text.find('\n');
  html += Escape(text.substr(0, eol)) + "</title></head>\n<body><article>\n";
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string para = text.substr(pos, end - pos);
    std::replace(para.begin(), para.end(), '\n', ' ');
    if (para.find_first_not_of(" \t\r") != std::string::npos) html += "<p>" + Escape(para) + "</p>\n";
    pos = end + 2;
  }
  return html + "</article></body></html>\n";
}

std::string Chunked(const std::string& body) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += 4096) {
    std::string piece = body.substr(i, 4096);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    out += std::string(size) + "\r\n" + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimtrace_make_warc: a WARC of pages made from our own articles"};
  std::vector<std::string> dirs;
  std::string out_path;
  int pages = 300, damage = 0;
  bool plain = false;
  app.add_option("dirs", dirs, "directories of .html/.htm/.txt articles")->required();
  app.add_option("-o,--output", out_path, "output file (.warc.gz, or .warc with --plain)")->required();
  app.add_option("--pages", pages, "number of pages (default 300)")->check(CLI::Range(1, 1000000));
  app.add_option("--damage", damage, "damage the Nth page's record (1-based; 0: none)")->check(CLI::Range(0, 1000000));
  app.add_flag("--plain", plain, "write an uncompressed .warc (damage: a wrong Content-Length)");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> articles;
  std::vector<std::string> names;
  for (const std::string& d : dirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(d)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".html" || ext == ".htm" || ext == ".txt")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      articles.push_back(p.extension() == ".txt" ? TextToHtml(s) : s);
      names.push_back(p.stem().string());
    }
  }
  if (articles.empty()) {
    std::fprintf(stderr, "claimtrace_make_warc: no .html/.htm/.txt files found\n");
    return 2;
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::fprintf(stderr, "claimtrace_make_warc: cannot write %s\n", out_path.c_str());
    return 2;
  }
  auto emit = [&](const std::string& record) { out << (plain ? record : GzipMember(record)); };
  emit(WarcRecordBytes("warcinfo", "00000000-0000-4000-8000-000000000000", "", "application/warc-fields",
                       "software: claimtrace_make_warc\r\nformat: WARC File Format 1.0\r\n"));
  int records = 1, skipped = 1;
  for (int i = 1; i <= pages; ++i) {
    size_t k = static_cast<size_t>(i - 1) % articles.size();
    std::string page = articles[k];
    if (i > static_cast<int>(articles.size())) {  // a variation: the same story in a later edition
      std::string edition = "<p>Edition " + std::to_string(i) + " of this report.</p>\n";
      size_t at = page.rfind("</body>");
      page.insert(at == std::string::npos ? page.size() : at, edition);
    }
    std::string url = "https://pages.example.invalid/" + names[k] + "/" + std::to_string(i);
    char id[64];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
    emit(WarcRecordBytes("request", std::string(id) + "-q", url, "application/http; msgtype=request",
                         "GET /" + names[k] + " HTTP/1.1\r\nHost: pages.example.invalid\r\n\r\n"));
    ++records;
    ++skipped;
    std::string http;
    if (i % 5 == 0) {
      http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
             "Content-Encoding: gzip\r\n\r\n" + Chunked(GzipMember(page));
    } else {
      http = HttpResponseBytes("text/html; charset=utf-8", page);
    }
    std::string rec = WarcRecordBytes("response", id, url, "application/http; msgtype=response", http);
    ++records;
    if (i == damage) {
      if (plain) {  // a Content-Length 200 bytes too long
        size_t at = rec.find("Content-Length: ") + 16, eol = rec.find("\r\n", at);
        rec.replace(at, eol - at, std::to_string(std::stoul(rec.substr(at, eol - at)) + 200));
        out << rec;
      } else {  // a gzip member cut in half
        std::string m = GzipMember(rec);
        out << m.substr(0, m.size() / 2);
      }
    } else {
      emit(rec);
    }
    if (i % 10 == 0) {
      emit(WarcRecordBytes("response", std::string(id) + "-img", url + ".png", "application/http; msgtype=response",
                           HttpResponseBytes("image/png", "\x89PNG\r\n\x1a\n(not really an image)")));
      ++records;
      ++skipped;
    }
  }
  out.close();
  std::printf("%s: %d records, %d pages (%d damaged), %d non-page records\n", out_path.c_str(), records, pages,
              damage > 0 ? 1 : 0, skipped);
  return out ? 0 : 1;
}
