// claimtrace command line: extract, show, attributions, eval, places, bench,
// gazetteer-coverage, extract-eval, version; the store's commands
// (store_commands.cc) and serve (serve_command.cc).
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
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/clean.h"
#include "clean/html_extract.h"
#include "claimtrace/pipeline.h"
#include "eval/score.h"
#include "export/brat.h"
#include "resolve/coverage.h"
#include "resolve/gazetteer.h"
#include "ingest/decode.h"
#include "cli_common.h"
#include "serve_command.h"
#include "store_commands.h"

namespace {

using claimtrace::Document;
using claimtrace::cli::AddCommon;
using claimtrace::cli::Common;
using claimtrace::cli::ReaderOpts;

constexpr char kVersion[] = CLAIMTRACE_VERSION;

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

// The claims and flags of a document, readably (after its attributions).
void PrintClaims(const Document& doc) {
  if (doc.error) return;
  if (doc.claims.empty()) std::printf("   (no event claims)\n");
  for (const auto& c : doc.claims) {
    std::string types = c.type;
    for (size_t i = 1; i < c.types.size(); ++i) types += "/" + c.types[i];
    std::string who = c.actor ? (c.actor->text.empty() ? "" : c.actor->text + " ") + "[" +
                                    (c.actor->side.empty() ? "?" : c.actor->side) + "]"
                              : "[?]";
    std::printf("  %-3s %-20s %s", c.id.substr(c.id.find('#') + 1).c_str(), types.c_str(), who.c_str());
    if (c.count) std::printf("  count=%s", c.count->value ? Shorten(c.count->text, 40).c_str() : "vague");
    if (c.place) std::printf("  at %s", (c.place->name.empty() ? c.place->text : c.place->name).c_str());
    if (c.time && !c.time->date.empty()) std::printf("  on %s", c.time->date.c_str());
    std::printf("\n       \"%s\"\n", Shorten(c.text, 120).c_str());
    std::string chain;
    for (const auto& s : c.chain) chain += (chain.empty() ? "" : " -> ") + s.name + (s.side.empty() ? "" : " (" + s.side + ")");
    std::printf("       source: %s; %s, %s%s%s\n", chain.empty() ? "the article's own voice" : chain.c_str(),
                c.polarity.c_str(), c.modality.c_str(), c.hedges.empty() ? "" : "; hedged: ",
                c.hedges.empty() ? "" : c.hedges[0].c_str());
  }
  for (const auto& f : doc.flags) std::printf("  flag %s: %s (%s)\n", f.kind.c_str(), f.text.c_str(), f.detail.c_str());
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
  claimtrace::exporter::BratOptions brat_opts;
  bool brat_all = false;
  attributions->add_flag("--brat-all", brat_all,
                         "with --brat: write every attribution of the ledger, nested ones included, not only those the "
                         "PolNeAR scheme annotates");
  attributions->add_flag("--brat-features", brat_opts.feature_notes,
                         "with --brat: add each attribution's scheme-model features as AnnotatorNotes (for training)");

  Common sh_opts;
  auto* show = app.add_subcommand("show", "print each document's attributions, event claims and flags, readably");
  AddCommon(show, &sh_opts);

  Common bn_opts;
  int repeat = 1;
  auto* bench = app.add_subcommand("bench", "measure throughput of the whole extraction (ingest to claims) on one core");
  AddCommon(bench, &bn_opts);
  bench->add_option("--repeat", repeat, "passes over the input (default 1)")->check(CLI::Range(1, 1000));
  std::string bench_until = "claims";
  bench->add_option("--until", bench_until,
                    "last stage run: attributions (ingest, clean, segment, attributions) or claims (default: the "
                    "whole extraction)")
      ->check(CLI::IsMember({"attributions", "claims"}));

  Common ev_opts;
  std::string gold_path;
  bool verbose = false;
  auto* eval = app.add_subcommand("eval", "score the claims found in INPUT... against a gold file (DESIGN.md rule)");
  AddCommon(eval, &ev_opts);
  eval->add_option("--gold", gold_path, "gold claims, JSON Lines (doc, evidence, type, actor_side, ...)")->required();
  eval->add_flag("-v,--verbose", verbose, "list missed gold claims, extra predictions and wrong fields");
  Common pl_opts;
  auto* places = app.add_subcommand("places", "print the place mentions the gazetteer finds in each document");
  AddCommon(places, &pl_opts);

  std::string katotth, oblast_map;
  auto* coverage = app.add_subcommand(
      "gazetteer-coverage", "share of Ukraine's official settlements (KATOTTH) that resolve in the right oblast");
  coverage->add_option("--katotth", katotth, "katotth_settlements_flat.tsv")->required();
  coverage->add_option("--oblast-map", oblast_map,
                       "KATOTTH oblast code -> GeoNames admin1 TSV (default: katotth_oblast_to_geonames_admin1.tsv "
                       "beside --katotth)");
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

  auto store_cmds = claimtrace::cli::AddStoreCommands(&app);
  auto serve_cmd = claimtrace::cli::AddServeCommand(&app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (int code = 0; claimtrace::cli::RunStoreCommand(*store_cmds, &code)) return code;
  if (int code = 0; claimtrace::cli::RunServeCommand(*serve_cmd, &code)) return code;

  bool with_attitudes = false;  // attributions --brat, in the PolNeAR scheme
  auto run = [&with_attitudes](const Common& opts, auto&& sink) {
    claimtrace::PipelineOptions po;
    po.drop_chrome = !opts.keep_chrome;
    po.attitudes = with_attitudes;
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
    const claimtrace::ReaderStats& st = reader.stats();
    if (st.warc_records_skipped > 0) {
      std::fprintf(stderr, "claimtrace: %zu WARC records skipped (not HTML pages)\n", st.warc_records_skipped);
    }
    if (st.duplicate_links > 0) {
      std::fprintf(stderr, "claimtrace: %zu duplicate feed links skipped\n", st.duplicate_links);
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
  if (*show) {
    return run(sh_opts, [&](const Document& doc) {
      PrintAttributions(doc);
      PrintClaims(doc);
      return true;
    });
  }
  if (*attributions) {
    if (!brat_dir.empty()) {
      // The PolNeAR scheme annotates attitudes ("wants", "seems"); the ledger (--brat-all) does not.
      with_attitudes = !brat_all || brat_opts.feature_notes;
      brat_opts.scheme_filter = !brat_all && !brat_opts.feature_notes;
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
        ann = claimtrace::exporter::ToBrat(doc, brat_opts);
      } catch (const std::exception& e) {  // a bug, but one document must not end the batch
        std::fprintf(stderr, "claimtrace: %s: internal error writing BRAT: %s\n", doc.input.c_str(), e.what());
        return true;
      }
      std::ofstream f(std::filesystem::path(brat_dir) / BratName(doc), std::ios::binary | std::ios::trunc);
      f << ann;
      return static_cast<bool>(f);
    });
  }
  if (*eval) {
    std::vector<std::string> problems;
    auto gold = claimtrace::eval::LoadGold(gold_path, &problems);
    for (const auto& p : problems) std::fprintf(stderr, "claimtrace: %s\n", p.c_str());
    if (!gold.ok()) {
      std::fprintf(stderr, "claimtrace: %s\n", gold.status().ToString().c_str());
      return 2;
    }
    std::map<std::string, std::vector<claimtrace::Claim>> docs;
    int rc = run(ev_opts, [&](const Document& doc) {
      if (!doc.error) {
        auto& v = docs[claimtrace::eval::DocKey(doc)];
        v.insert(v.end(), doc.claims.begin(), doc.claims.end());
      }
      return true;
    });
    size_t unmatched_docs = 0;
    for (const auto& g : gold.value()) unmatched_docs += docs.count(g.doc) == 0;
    if (unmatched_docs) {
      std::fprintf(stderr, "claimtrace: %zu gold claims are about documents not among the inputs (not scored)\n",
                   unmatched_docs);
    }
    auto report = claimtrace::eval::Score(gold.value(), docs);
    std::fputs(claimtrace::eval::FormatReport(report, verbose).c_str(), stdout);
    return rc == 2 ? 2 : (problems.empty() ? rc : 1);
  }
  if (*places) {
    const auto& gazetteer = claimtrace::Gazetteer::Default();
    return run(pl_opts, [&](const Document& doc) {
      std::printf("== %s\n", doc.input.c_str());
      for (const auto& m : gazetteer.FindPlaces(doc)) {
        if (m.place) {
          std::printf("  %-28s %-10s %s (%s, %s) %s %.2f\n", Shorten(m.text, 28).c_str(), m.place->kind.c_str(),
                      m.place->name.c_str(), m.place->admin1.c_str(), m.place->country.c_str(), m.place->id.c_str(),
                      m.confidence);
        } else {
          std::string c;
          for (const auto* p : m.candidates) c += (c.empty() ? "" : ", ") + p->name + " (" + p->admin1 + ")";
          std::printf("  %-28s unresolved; candidates: %s\n", Shorten(m.text, 28).c_str(), c.c_str());
        }
      }
      return true;
    });
  }
  if (*coverage) {
    if (oblast_map.empty())
      oblast_map = (std::filesystem::path(katotth).parent_path() / "katotth_oblast_to_geonames_admin1.tsv").string();
    auto report = claimtrace::resolve::MeasureCoverage(katotth, oblast_map);
    if (!report.ok()) {
      std::fprintf(stderr, "claimtrace: %s\n", report.status().ToString().c_str());
      return 2;
    }
    auto line = [](const std::string& label, const claimtrace::resolve::CoverageCount& c) {
      auto pct = [&](int k) { return c.total ? 100.0 * k / c.total : 0.0; };
      std::printf("%-34s %6d  right oblast %6d (%5.1f%%)  via 2010 translit %6d  via Ukrainian name %6d  "
                  "other oblast only %5d\n",
                  label.c_str(), c.total, c.right_oblast, pct(c.right_oblast), c.by_translit, c.by_cyrillic,
                  c.other_oblast_only);
    };
    claimtrace::resolve::CoverageCount mx;
    for (const auto& [cat, c] : report->by_category) {
      const char* names[] = {"M cities", "X urban-type settlements", "C villages", "K special-status cities"};
      std::string label = cat == "M" ? names[0] : cat == "X" ? names[1] : cat == "C" ? names[2] : cat == "K" ? names[3] : cat;
      line(label, c);
      if (cat == "M" || cat == "X") {
        mx.total += c.total;
        mx.right_oblast += c.right_oblast;
        mx.by_translit += c.by_translit;
        mx.by_cyrillic += c.by_cyrillic;
        mx.other_oblast_only += c.other_oblast_only;
      }
    }
    line("M+X (target >= 95%)", mx);
    std::printf("\nM+X by oblast:\n");
    for (const auto& [oblast, c] : report->by_oblast_mx) line("  " + oblast, c);
    if (report->bad_rows) std::printf("rows skipped (malformed or unknown oblast): %d\n", report->bad_rows);
    return 0;
  }
  if (*extract_eval) return ExtractEval(ev_data, ev_html, ev_out, ev_stage, ev_repeat, ev_whole);
  if (*bench) {
    size_t bytes = 0, docs = 0, atts = 0, claims = 0, failed = 0;
    claimtrace::PipelineOptions po;
    po.drop_chrome = !bn_opts.keep_chrome;
    po.extract_claims = bench_until == "claims";
    claimtrace::Pipeline pipeline(po);
    // Data tables (lexicons, pattern databases, the gazetteer) load once per
    // process, on first use: load them before the clock starts and report the
    // time apart, so throughput is the steady rate a long batch sees.
    auto s0 = std::chrono::steady_clock::now();
    {
      Document warm;
      warm.input = "warm-up";
      warm.raw = "Officials in Kyiv said on Monday that 40 Russian soldiers surrendered near Kharkiv.";
      pipeline.Process(&warm);
    }
    double startup = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r) {
      claimtrace::InputReader reader(bn_opts.inputs, ReaderOpts(bn_opts));
      Document doc;
      while (reader.Next(&doc)) {
        pipeline.Process(&doc);
        bytes += doc.raw.size();
        ++docs;
        atts += doc.attributions.size();
        claims += doc.claims.size();
        failed += doc.error.has_value();
      }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("documents      %zu (%zu failed)\n", docs, failed);
    std::printf("input          %.2f MB\n", bytes / 1e6);
    std::printf("attributions   %zu\n", atts);
    std::printf("claims         %zu\n", claims);
    std::printf("startup        %.3f s (data tables, once per process; not in the time below)\n", startup);
    std::printf("time           %.3f s (one thread, stages ingest to %s)\n", secs, bench_until.c_str());
    std::printf("throughput     %.2f MB/s, %.0f documents/s\n", bytes / 1e6 / secs, docs / secs);
    std::printf("peak memory    %.1f MB (max RSS)\n", PeakRssKb() / 1024.0);
    return 0;
  }
  return 2;
}
