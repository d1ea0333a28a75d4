// claimtrace command line: extract, attributions, bench, extract-eval, version.
// Exit codes: 0 every document processed; 1 at least one document had an
// error (its output line says which and why); 2 usage or output errors.
#include <sys/resource.h>
#include <time.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/clean.h"
#include "clean/html_extract.h"
#include "claimtrace/pipeline.h"
#include "export/brat.h"
#include "ingest/decode.h"

namespace {

using claimtrace::Document;

constexpr char kVersion[] = CLAIMTRACE_VERSION;

struct Common {
  std::vector<std::string> inputs;
  bool keep_chrome = false;
  size_t max_bytes_mb = 64;
};

void AddCommon(CLI::App* cmd, Common* c) {
  cmd->add_option("inputs", c->inputs, "files, directories (walked recursively), JSON Lines files, or - for stdin")
      ->required();
  cmd->add_flag("--keep-chrome", c->keep_chrome, "do not drop site chrome (prompts, link lists, credits)");
  cmd->add_option("--max-doc-mb", c->max_bytes_mb, "largest document accepted, in MB (default 64)")
      ->check(CLI::Range(1, 4096));
}

claimtrace::ReaderOptions ReaderOpts(const Common& c) {
  claimtrace::ReaderOptions o;
  o.max_document_bytes = c.max_bytes_mb << 20;
  return o;
}

void ReportError(const Document& doc) {
  std::fprintf(stderr, "claimtrace: %s: %s\n", doc.input.c_str(), doc.error->c_str());
}

std::string Shorten(std::string s, size_t n) {
  for (char& ch : s) {
    if (ch == '\n') ch = ' ';
  }
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

void PrintAttributions(const Document& doc) {
  std::printf("== %s", doc.input.c_str());
  if (doc.outlet) std::printf("  [%s]", doc.outlet->name.c_str());
  if (doc.published) std::printf("  %s", doc.published->c_str());
  std::printf("\n");
  if (doc.title) std::printf("   %s\n", Shorten(*doc.title, 110).c_str());
  if (doc.error) {
    std::printf("   error: %s\n\n", doc.error->c_str());
    return;
  }
  if (doc.attributions.empty()) std::printf("   (no attributions)\n");
  for (const auto& a : doc.attributions) {
    std::string src = a.source ? a.source->text : "(unnamed)";
    if (a.source && !a.source_name.empty() && a.source_name != a.source->text) src += " = " + a.source_name;
    std::printf("  a%-3d %-12s %s  --%s-->  %s\n", a.id, claimtrace::AttributionKindName(a.kind), src.c_str(),
                a.cue.text.c_str(), Shorten(a.content.text, 120).c_str());
    std::string links;
    if (a.parent >= 0) links += " inside a" + std::to_string(a.parent) + ";";
    if (a.cites >= 0) links += " relays a" + std::to_string(a.cites) + ";";
    if (a.continues >= 0) links += " continues a" + std::to_string(a.continues) + ";";
    if (a.via) links += " via " + a.via->text + ";";
    if (!links.empty()) std::printf("       %s\n", links.c_str());
  }
  std::printf("\n");
}

std::string BratName(const Document& doc) {
  std::string name = doc.input;
  std::string suffix;
  if (size_t hash = name.find('#'); hash != std::string::npos) {
    suffix = "_" + name.substr(hash + 1);
    name = name.substr(0, hash);
  }
  std::filesystem::path p(name == "-" ? "stdin" : name);
  std::string stem = p.stem().string() + suffix;
  for (char& ch : stem) {
    if (ch == '/' || ch == '\\' || ch == '#') ch = '_';
  }
  return stem + ".ann";
}

long PeakRssKb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return static_cast<bool>(f) || f.eof();
}

// extract-eval: main-content extraction over an evaluation set in the layout of
// trafilatura's benchmark (evaldata.json: {url: {"file": NAME, ...}}, pages in
// DIR/NAME). Writes {url: text|null} for its score.py and reports pages/s of
// decoding + extraction (file reading and JSON writing not counted), best of
// --repeat passes, and the peak RSS.
int ExtractEval(const std::string& eval_path, const std::string& html_dir, const std::string& out_path,
                const std::string& stage, int repeat, bool whole_body) {
  std::string raw;
  if (!ReadFile(eval_path, &raw)) {
    std::fprintf(stderr, "claimtrace: cannot read %s\n", eval_path.c_str());
    return 2;
  }
  nlohmann::json eval = nlohmann::json::parse(raw, nullptr, false);
  if (eval.is_discarded() || !eval.is_object()) {
    std::fprintf(stderr, "claimtrace: %s is not a JSON object\n", eval_path.c_str());
    return 2;
  }
  struct Page {
    std::string url, bytes;
    std::optional<std::string> text;
  };
  std::vector<Page> pages;
  size_t total_bytes = 0;
  for (auto it = eval.begin(); it != eval.end(); ++it) {
    Page p;
    p.url = it.key();
    auto f = it.value().find("file");
    if (f == it.value().end() || !f->is_string()) continue;
    if (!ReadFile((std::filesystem::path(html_dir) / f->get<std::string>()).string(), &p.bytes)) {
      std::fprintf(stderr, "claimtrace: %s: cannot read %s\n", p.url.c_str(), f->get<std::string>().c_str());
    }
    total_bytes += p.bytes.size();
    pages.push_back(std::move(p));
  }
  eval = nlohmann::json();
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
  };
  double best = 1e300, best_cpu = 1e300;
  size_t failed = 0;
  for (int r = 0; r < repeat; ++r) {
    failed = 0;
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_now();
    for (Page& p : pages) {
      p.text.reset();
      Document doc;
      doc.input = p.url;
      doc.format = claimtrace::InputFormat::kHtml;
      claimtrace::Status s = claimtrace::ingest::DecodeHtmlToUtf8(p.bytes, std::nullopt, &doc.raw, &doc.encoding);
      if (s.ok()) {
        if (stage == "clean") {
          s = claimtrace::clean::Clean(&doc, /*drop_chrome=*/true);
          if (s.ok()) p.text = std::move(doc.text);
        } else {
          claimtrace::clean::HtmlExtraction ex;
          claimtrace::clean::HtmlExtractOptions options;
          options.main_content = !whole_body;
          s = claimtrace::clean::ExtractHtml(doc.raw, options, &ex);
          if (s.ok()) p.text = std::move(ex.text);
        }
      }
      if (!s.ok()) {
        ++failed;
        if (r == 0) std::fprintf(stderr, "claimtrace: %s: %s\n", p.url.c_str(), s.ToString().c_str());
      }
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    best_cpu = std::min(best_cpu, cpu_now() - c0);
  }
  nlohmann::json results = nlohmann::json::object();
  for (const Page& p : pages) results[p.url] = p.text ? nlohmann::json(*p.text) : nlohmann::json(nullptr);
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << results.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  if (!out) {
    std::fprintf(stderr, "claimtrace: cannot write %s\n", out_path.c_str());
    return 2;
  }
  std::printf("pages          %zu (%zu failed)\n", pages.size(), failed);
  std::printf("input          %.2f MB\n", total_bytes / 1e6);
  std::printf("time           %.3f s (best of %d, one thread, stage %s)\n", best, repeat, stage.c_str());
  std::printf("cpu time       %.3f s (best of %d, this thread)\n", best_cpu, repeat);
  std::printf("throughput     %.0f pages/s, %.1f MB/s (wall clock)\n", pages.size() / best, total_bytes / 1e6 / best);
  std::printf("cpu throughput %.0f pages/s (CPU time; the figure on a shared machine)\n", pages.size() / best_cpu);
  std::printf("peak memory    %.1f MB (max RSS, pages held in memory)\n", PeakRssKb() / 1024.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimtrace: a ledger of attributed claims about conflict events, from news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", kVersion);

  Common ex_opts;
  std::string out_path;
  auto* extract = app.add_subcommand("extract", "write the JSON Lines contract, one line per input document");
  AddCommon(extract, &ex_opts);
  extract->add_option("-o,--output", out_path, "write to FILE instead of standard output");

  Common at_opts;
  std::string brat_dir;
  auto* attributions = app.add_subcommand("attributions", "print who said what, or write BRAT .ann files");
  AddCommon(attributions, &at_opts);
  attributions->add_option("--brat", brat_dir, "write one BRAT .ann file per input into DIR (PolNeAR layout)");

  Common bn_opts;
  int repeat = 1;
  auto* bench = app.add_subcommand("bench", "measure throughput of ingest+clean+segment+attributions on one core");
  AddCommon(bench, &bn_opts);
  bench->add_option("--repeat", repeat, "passes over the input (default 1)")->check(CLI::Range(1, 1000));

  std::string ev_data, ev_html, ev_out, ev_stage = "extract";
  int ev_repeat = 1;
  bool ev_whole = false;
  auto* extract_eval = app.add_subcommand(
      "extract-eval", "HTML main-content extraction over an evaluation set; writes {url: text} for its scorer");
  extract_eval->add_option("--eval-data", ev_data, "evaldata.json ({url: {file: NAME, ...}})")->required();
  extract_eval->add_option("--html-dir", ev_html, "folder holding the pages")->required();
  extract_eval->add_option("-o,--output", ev_out, "RESULTS.json to write")->required();
  extract_eval->add_option("--stage", ev_stage, "extract (HTML extraction only, default) or clean (also chrome lines)")
      ->check(CLI::IsMember({"extract", "clean"}));
  extract_eval->add_flag("--whole-body", ev_whole, "no main-content selection: the body less scripts and navigation");
  extract_eval->add_option("--repeat", ev_repeat, "passes; the fastest is reported (default 1)")
      ->check(CLI::Range(1, 100));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  auto run = [](const Common& opts, auto&& sink) {
    claimtrace::PipelineOptions po;
    po.drop_chrome = !opts.keep_chrome;
    claimtrace::Pipeline pipeline(po);
    claimtrace::InputReader reader(opts.inputs, ReaderOpts(opts));
    Document doc;
    size_t docs = 0, failed = 0;
    while (reader.Next(&doc)) {
      pipeline.Process(&doc);
      ++docs;
      if (doc.error) {
        ++failed;
        ReportError(doc);
      }
      if (!sink(doc)) return 2;
    }
    std::fprintf(stderr, "claimtrace: %zu documents, %zu failed\n", docs, failed);
    return failed ? 1 : 0;
  };

  if (*extract) {
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!out_path.empty()) {
      file.open(out_path, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::fprintf(stderr, "claimtrace: cannot write %s\n", out_path.c_str());
        return 2;
      }
      out = &file;
    }
    std::ios::sync_with_stdio(false);
    return run(ex_opts, [&](const Document& doc) {
      *out << claimtrace::ToJsonLine(doc) << '\n';
      return static_cast<bool>(*out);
    });
  }
  if (*attributions) {
    if (!brat_dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(brat_dir, ec);
      if (ec) {
        std::fprintf(stderr, "claimtrace: cannot create %s: %s\n", brat_dir.c_str(), ec.message().c_str());
        return 2;
      }
    }
    return run(at_opts, [&](const Document& doc) {
      if (brat_dir.empty()) {
        PrintAttributions(doc);
        return true;
      }
      if (doc.error) return true;
      std::string ann;
      try {
        ann = claimtrace::exporter::ToBrat(doc);
      } catch (const std::exception& e) {  // a bug, but one document must not end the batch
        std::fprintf(stderr, "claimtrace: %s: internal error writing BRAT: %s\n", doc.input.c_str(), e.what());
        return true;
      }
      std::ofstream f(std::filesystem::path(brat_dir) / BratName(doc), std::ios::binary | std::ios::trunc);
      f << ann;
      return static_cast<bool>(f);
    });
  }
  if (*extract_eval) return ExtractEval(ev_data, ev_html, ev_out, ev_stage, ev_repeat, ev_whole);
  if (*bench) {
    size_t bytes = 0, docs = 0, atts = 0, failed = 0;
    claimtrace::PipelineOptions po;
    po.drop_chrome = !bn_opts.keep_chrome;
    claimtrace::Pipeline pipeline(po);
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r) {
      claimtrace::InputReader reader(bn_opts.inputs, ReaderOpts(bn_opts));
      Document doc;
      while (reader.Next(&doc)) {
        pipeline.Process(&doc);
        bytes += doc.raw.size();
        ++docs;
        atts += doc.attributions.size();
        failed += doc.error.has_value();
      }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("documents      %zu (%zu failed)\n", docs, failed);
    std::printf("input          %.2f MB\n", bytes / 1e6);
    std::printf("attributions   %zu\n", atts);
    std::printf("time           %.3f s (one thread)\n", secs);
    std::printf("throughput     %.2f MB/s, %.0f documents/s\n", bytes / 1e6 / secs, docs / secs);
    std::printf("peak memory    %.1f MB (max RSS)\n", PeakRssKb() / 1024.0);
    return 0;
  }
  return 2;
}
