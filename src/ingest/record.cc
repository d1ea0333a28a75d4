// simdjson On-Demand over a single line; every field is optional except the
// article body (text or html). Type errors name the field.
#include "ingest/record.h"

#include "ingest/decode.h"
#include "util/utf8.h"

namespace claimtrace::ingest {
namespace {

bool SafeId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '#') return false;
  }
  return true;
}

}  // namespace

bool ParseIsoDate(std::string_view s, std::string* out) {
  if (s.size() < 10) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  if (s[4] != '-' || s[7] != '-') return false;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return false;
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return false;
  out->assign(s.substr(0, 10));
  return true;
}

void ParseRecord(const std::string& path, size_t line_no, const char* data, size_t len, size_t capacity,
                 simdjson::ondemand::parser* parser, size_t max_bytes, Document* doc) {
  doc->input = path + "#line-" + std::to_string(line_no);
  doc->format = InputFormat::kJsonRecord;
  auto fail = [&](const std::string& what) { doc->error = "corruption: line " + std::to_string(line_no) + ": " + what; };
  if (len > max_bytes) {
    doc->error = "too large: line " + std::to_string(line_no) + " is " + std::to_string(len) + " bytes, over the limit";
    return;
  }
  simdjson::ondemand::document json;
  if (auto err = parser->iterate(data, len, capacity).get(json); err) {
    fail(std::string("malformed JSON: ") + simdjson::error_message(err));
    return;
  }
  simdjson::ondemand::object obj;
  if (auto err = json.get_object().get(obj); err) {
    fail("not a JSON object");
    return;
  }
  std::string text, html, published_raw, summary;
  bool have_text = false, have_html = false;
  try {
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) {
        fail("malformed JSON key");
        return;
      }
      simdjson::ondemand::value v = field.value();
      simdjson::ondemand::json_type type;
      if (v.type().get(type)) {
        fail("malformed value of '" + std::string(key) + "'");
        return;
      }
      if (type == simdjson::ondemand::json_type::null) continue;
      auto get_string = [&](std::string* out) -> bool {
        std::string_view sv;
        if (type != simdjson::ondemand::json_type::string || v.get_string().get(sv)) {
          fail("field '" + std::string(key) + "' must be a string");
          return false;
        }
        out->assign(sv);
        return true;
      };
      std::string s;
      if (key == "id") {
        if (type == simdjson::ondemand::json_type::number) {
          std::string_view raw = v.raw_json_token();
          doc->record_id.assign(util::Trim(raw));
        } else if (!get_string(&doc->record_id)) {
          return;
        }
      } else if (key == "text") {
        if (!get_string(&text)) return;
        have_text = true;
      } else if (key == "html") {
        if (!get_string(&html)) return;
        have_html = true;
      } else if (key == "summary" || key == "description" || key == "snippet" || key == "s") {
        if (!get_string(&summary)) return;
      } else if (key == "url" || key == "u" || key == "link") {
        if (!get_string(&s)) return;
        if (!s.empty()) doc->url = s;
      } else if (key == "title" || key == "t" || key == "headline") {
        if (!get_string(&s)) return;
        if (!s.empty()) doc->title = s;
      } else if (key == "lang") {
        if (!get_string(&s)) return;
        if (!s.empty()) doc->lang = s;
      } else if (key == "published" || key == "d" || key == "date") {
        if (!get_string(&published_raw)) return;
      } else if (key == "author") {
        if (!get_string(&s)) return;
        if (!s.empty()) doc->author = s;
      } else if (key == "outlet") {
        if (type == simdjson::ondemand::json_type::object) {
          std::string_view name;
          if (!v.get_object()["name"].get_string().get(name) && !name.empty()) doc->outlet = Outlet{std::string(name), ""};
        } else {
          if (!get_string(&s)) return;
          if (!s.empty()) doc->outlet = Outlet{s, ""};
        }
      }
    }
  } catch (const simdjson::simdjson_error& e) {
    fail(std::string("malformed JSON: ") + e.what());
    return;
  }
  if (!doc->record_id.empty()) {
    if (SafeId(doc->record_id)) {
      doc->input = path + "#" + doc->record_id;
    } else {
      doc->record_id.clear();
    }
  }
  if (!published_raw.empty()) {
    std::string date;
    if (ParseIsoDate(published_raw, &date)) {
      doc->published = date;
    } else {
      doc->flags.push_back({"bad_date", published_raw, {0, 0}, "'published' is not a valid YYYY-MM-DD date; ignored"});
    }
  }
  if (!have_text && !have_html && (doc->title || !summary.empty())) {
    // A headline index (title and snippet only): the article is its headline and snippet.
    text = doc->title.value_or("");
    if (!summary.empty()) text += (text.empty() ? "" : "\n\n") + summary;
    have_text = true;
  }
  if (!have_text && !have_html) {
    fail("record has neither 'text' nor 'html' (nor a title or summary)");
    return;
  }
  doc->format = have_text ? InputFormat::kText : InputFormat::kHtml;
  doc->raw = have_text ? std::move(text) : std::move(html);
  if (util::Trim(doc->raw).empty()) {
    fail("record's " + std::string(have_text ? "text" : "html") + " is empty");
    return;
  }
  if (size_t bad = doc->raw.find('\0'); bad != std::string::npos) {
    fail("record's text holds a NUL character at byte " + std::to_string(bad));
    return;
  }
  doc->doc_id = DocIdFor(doc->raw);
}

}  // namespace claimtrace::ingest
