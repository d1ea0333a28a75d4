-- claimtrace store, schema version 1. Applied in one transaction by
-- src/store/sqlite_store.cc, which then sets PRAGMA user_version = 1.
-- Spans are UTF-8 byte offsets into documents.text.

-- One row per ingest batch, written in the batch's own transaction: after a
-- crash, every batch row has exactly `documents` documents (none half-written).
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  documents INTEGER NOT NULL
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,          -- content hash of the input (the pipeline's doc_id)
  identity TEXT NOT NULL,               -- url, else input: the same identity with new content is a new version
  version INTEGER NOT NULL DEFAULT 1,
  current INTEGER NOT NULL DEFAULT 1,   -- 0 once a newer version is stored
  input TEXT NOT NULL,
  url TEXT, outlet TEXT, outlet_id TEXT, outlet_side TEXT,
  title TEXT, author TEXT, published TEXT, lang TEXT, encoding TEXT,
  text TEXT NOT NULL,
  signature BLOB,                       -- MinHash signature of the text
  batch INTEGER NOT NULL REFERENCES batches(id),
  copy_of INTEGER,                      -- earliest document of its copy cluster (set by link)
  copy_similarity REAL
);
CREATE INDEX documents_identity ON documents(identity, version);
CREATE INDEX documents_outlet ON documents(outlet_id, published);
CREATE INDEX documents_batch ON documents(batch);

CREATE TABLE attributions (
  doc INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  kind TEXT NOT NULL,
  source_text TEXT, source_begin INTEGER, source_end INTEGER, source_name TEXT, source_registry TEXT,
  cue_text TEXT, cue_begin INTEGER, cue_end INTEGER,
  content_text TEXT, content_begin INTEGER, content_end INTEGER,
  parent INTEGER, cites INTEGER,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  claim_id TEXT NOT NULL,               -- the pipeline's id, "doc_id#n"
  type TEXT NOT NULL, types TEXT NOT NULL,
  text TEXT NOT NULL, span_begin INTEGER, span_end INTEGER,
  trigger_text TEXT, trigger_begin INTEGER, trigger_end INTEGER,
  actor_text TEXT, actor_begin INTEGER, actor_end INTEGER, actor_side TEXT,
  place_text TEXT, place_begin INTEGER, place_end INTEGER, place_name TEXT, place_id TEXT,
  admin1 TEXT, country TEXT, lat REAL, lon REAL,
  count_value REAL, count_text TEXT, count_begin INTEGER, count_end INTEGER, count_approx INTEGER, count_unit TEXT,
  time_text TEXT, time_begin INTEGER, time_end INTEGER, time_date TEXT, time_end_date TEXT,
  chain TEXT NOT NULL,                  -- JSON array of sources, outermost first
  root_name TEXT, root_text TEXT, root_kind TEXT, root_side TEXT, root_registry TEXT,
  polarity TEXT NOT NULL, modality TEXT NOT NULL,
  hedges TEXT NOT NULL,                 -- JSON array
  attribution INTEGER, headline INTEGER NOT NULL DEFAULT 0,
  event_date TEXT,                      -- time_date, else the publication date
  cluster INTEGER,                      -- set by link
  root_key TEXT                         -- set by link: what makes roots the same
);
CREATE INDEX claims_doc ON claims(doc);
CREATE INDEX claims_event_date ON claims(event_date);
CREATE INDEX claims_type_date ON claims(type, event_date);
CREATE INDEX claims_cluster ON claims(cluster);

-- Everything the extractors named: places, actors, counts, times, sources.
CREATE TABLE mentions (
  doc INTEGER NOT NULL REFERENCES documents(id),
  claim INTEGER,
  kind TEXT NOT NULL,                   -- place | actor | count | time | source
  text TEXT NOT NULL, span_begin INTEGER, span_end INTEGER,
  ref TEXT                              -- gazetteer id, registry id, date or value
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_ref ON mentions(kind, ref);

CREATE TABLE flags (
  doc INTEGER NOT NULL REFERENCES documents(id),
  kind TEXT NOT NULL, text TEXT, span_begin INTEGER, span_end INTEGER, detail TEXT
);
CREATE INDEX flags_doc ON flags(doc);

-- MinHash LSH band keys: copies are found by grouping on band_key.
CREATE TABLE doc_bands (
  band_key INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  PRIMARY KEY (band_key, doc)
) WITHOUT ROWID;

-- Claim clusters (rebuilt by link).
CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  type TEXT, side TEXT, place TEXT, place_id TEXT, admin1 TEXT, country TEXT, lat REAL, lon REAL,
  first_date TEXT, last_date TEXT,
  claims INTEGER, documents INTEGER, outlets INTEGER, independent_roots INTEGER,
  roots_by_side TEXT,                   -- JSON object side -> roots
  roots TEXT,                           -- JSON array, earliest first
  denied INTEGER, about_other_side INTEGER,
  status TEXT, representative INTEGER, text TEXT
);
CREATE INDEX clusters_status ON clusters(status);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', detail='column');
CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='id');
