// Document: one article as it flows through the pipeline.
//
// Each stage fills in its part: ingest sets the identity and `raw`, clean sets
// `text` and the metadata, segment the paragraphs/sentences/tokens/quotes,
// extract the attributions. All spans are UTF-8 byte ranges [begin, end) into
// `text` (the clean text), unless a field says otherwise. A Document owns all
// of its data; it is not shared between threads while a stage runs.
#ifndef CLAIMTRACE_DOCUMENT_H_
#define CLAIMTRACE_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrace {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }
};

enum class InputFormat { kText, kHtml, kJsonRecord };

enum class TokenKind : uint8_t {
  kWord,     // letters, digits, internal apostrophes, hyphens and abbreviation dots
  kNumber,   // 300, 6,000, 3.5, 23rd
  kPunct,    // . , ; : ! ? ( ) [ ] and other punctuation
  kQuote,    // any quotation mark; see Quote for its role
  kDash,     // - – — between spaces
  kSymbol,   // anything else (currency, emoji, …)
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;      // first letter is upper case
  bool space_before = false;     // whitespace precedes the token
  bool newline_before = false;   // a line break precedes the token
  uint32_t paragraph = 0;        // index into Document::paragraphs
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
  uint32_t paragraph = 0;
};

struct Paragraph {
  Span span;
  uint32_t sentence_begin = 0;
  uint32_t sentence_end = 0;
};

// A quotation: its marks included in `span`, excluded in `inner`. A quotation
// left open at the end of a paragraph and resumed by an opening mark at the
// start of the next one is one Quote with `continued` set.
struct Quote {
  Span span;
  Span inner;
  uint32_t open_token = 0;   // index of the opening mark token
  uint32_t close_token = 0;  // index of the closing mark token (== open_token if unclosed)
  bool closed = true;
  bool continued = false;    // runs over more than one paragraph
  bool single = false;       // ‘ ’ or ' marks rather than double ones
};

enum class AttributionKind { kDirect, kIndirect, kAccordingTo, kMixed, kAnonymous };
const char* AttributionKindName(AttributionKind kind);

struct TextRef {
  std::string text;
  Span span;
};

struct Attribution {
  int id = 0;                       // index in Document::attributions
  AttributionKind kind = AttributionKind::kIndirect;
  // The surface form before the anonymous override: direct, indirect, according_to or mixed.
  AttributionKind form = AttributionKind::kIndirect;
  std::optional<TextRef> source;    // null for passive hearsay ("are said to")
  std::string source_name;          // resolved name: "He" -> "Paul Mason"; head without role otherwise
  bool source_anonymous = false;
  TextRef cue;
  TextRef content;
  std::vector<Span> content_parts;  // more than one when the content is discontinuous
  std::optional<TextRef> via;       // the outlet or person it was told to / cited by ("told the Washington Post")
  std::string via_name;             // what `via` refers to ("the agency" -> "TASS"), when it is anaphoric
  int parent = -1;                  // attribution whose content holds this one
  int cites = -1;                   // attribution this one relays ("Pravda reported …" -> "… said the ZSU")
  int continues = -1;               // a quoted paragraph that continues this attribution's quotation
  std::string source_registry;      // id in data/sources.tsv when the source resolves there
  // The whole subject as attribution corpora annotate it: the source with its
  // appositives or relative clause and the comma before the cue ("Chris Cox,
  // who runs the lobbying arm,"). Equals source->span when there is nothing more.
  Span source_extent;
  // The cue as attribution corpora annotate it: with auxiliaries and adverbs
  // ("has repeatedly said"), a following colon, weekday or "in a statement".
  Span cue_extent;
  std::optional<TextRef> antecedent;  // what an anaphoric content ("This development") refers to
  // An attitude ("wants", "seems", "supports"), not a statement: found only when
  // asked for (PipelineOptions::attitudes), for attribution corpora.
  bool attitude = false;
};

// A source in a claim's chain, outermost first (see DESIGN.md "Output contract").
struct ClaimSource {
  std::string name;      // registry name, resolved name, or the text
  std::string text;      // as written
  std::string kind;      // registry kind, or guessed: person, organization, official, anonymous, outlet
  std::string side;      // RU, UA, another ISO 3166 code, or empty when unknown
  std::string cue;       // the cue it spoke through ("said"); empty for a hearer
  std::string registry;  // id in data/sources.tsv, empty when unknown
};

struct ClaimActor {
  std::string text;
  Span span;
  std::string side;  // empty when unknown
};

struct ClaimPlace {
  std::string text;  // as written
  Span span;
  std::string name;  // gazetteer name; empty when unresolved
  std::string id;    // "geonames:…"
  std::string admin1, country;
  std::optional<double> lat, lon;
};

struct ClaimCount {
  std::optional<double> value;  // null for vague quantities ("thousands")
  std::string text;
  Span span;
  bool approx = false;
  std::string unit;
};

struct ClaimTime {
  std::string text;
  Span span;
  std::string date;      // YYYY-MM-DD (or YYYY-MM, YYYY); empty when unresolved
  std::string end_date;  // for periods
};

// One event claim: an event of one of the ten types, as a source (or the
// article itself) states it.
struct Claim {
  std::string id;
  std::string type;                 // one of the ten event types
  std::vector<std::string> types;   // every type its triggers suggest, `type` first
  std::string text;                 // exact substring of Document::text
  Span span;
  Span trigger;                     // the words that name the event
  std::optional<ClaimActor> actor;
  std::optional<ClaimPlace> place;
  std::optional<ClaimCount> count;
  std::optional<ClaimTime> time;
  std::vector<ClaimSource> chain;   // outermost first; empty in the article's own voice
  std::optional<ClaimSource> root;  // the innermost source
  std::string polarity = "asserted";  // asserted | denied
  std::string modality = "actual";    // actual | hypothetical
  std::vector<std::string> hedges;
  int attribution = -1;             // the attribution whose content holds the event
  bool headline = false;            // stated in the headline
};

struct Flag {
  std::string kind;
  std::string text;
  Span span;
  std::string detail;
};

// One contiguous piece of the clean text copied from the (decoded) raw input.
struct OffsetPiece {
  uint32_t clean_begin = 0;
  uint32_t raw_begin = 0;
  uint32_t length = 0;
};

struct Outlet {
  std::string name;
  std::string id;
};

struct Document {
  // identity (ingest)
  std::string doc_id;
  std::string input;      // file path, path#record-id, or "-"
  std::string record_id;  // JSON Lines record id, if any
  InputFormat format = InputFormat::kText;
  std::optional<std::string> url;
  std::optional<Outlet> outlet;
  std::optional<std::string> title;
  std::optional<std::string> author;
  std::optional<std::string> published;  // YYYY-MM-DD
  std::optional<std::string> lang;
  std::string raw;                 // decoded UTF-8 input (HTML or text)
  std::string encoding = "UTF-8";  // what the input was decoded from
  // Charset named by the transport (HTTP Content-Type of a fetched page or an
  // archived WARC response), used when decoding `raw`; unset for files.
  std::optional<std::string> declared_charset;
  std::optional<std::string> error;  // set when the document could not be processed

  // clean
  std::string text;
  std::vector<OffsetPiece> offsets;  // clean -> raw, sorted by clean_begin
  std::vector<Span> dropped;         // raw spans removed as site chrome (for inspection)

  // segment
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Quote> quotes;

  // extract
  std::vector<Attribution> attributions;
  std::vector<Claim> claims;
  std::vector<Flag> flags;

  std::string_view Slice(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  // Maps a clean-text byte offset back to a byte offset in `raw`.
  uint32_t RawOffset(uint32_t clean_offset) const;
  // Index of the first token that starts at or after a clean-text byte offset
  // (tokens.size() when there is none).
  uint32_t TokenAtOrAfter(uint32_t clean_offset) const;
};

}  // namespace claimtrace

#endif  // CLAIMTRACE_DOCUMENT_H_
