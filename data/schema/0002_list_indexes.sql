-- claimtrace store, schema version 2: indexes for listing and counting claims
-- (the `claims` command and the HTTP API of `claimtrace serve`, docs/api.md).
-- Applied in one transaction by src/store/sqlite_store.cc after 0001.
--
-- Claim rows are wide (texts, chains as JSON); the filters of ClaimFilter read
-- only the narrow columns below, so listing and counting scan this covering
-- index instead of the table, in the default order (event date, undated
-- claims last, then id).
CREATE INDEX claims_list ON claims(event_date IS NULL, event_date, id, type, types, actor_side, cluster, doc,
                                   place_id, place_name, admin1);
-- The same by actor side first: a page or a count for one side reads that side only.
CREATE INDEX claims_side ON claims(actor_side, event_date IS NULL, event_date, id, type, types, cluster, doc,
                                   place_id, place_name, admin1);

-- "Most reported first": clusters by size, then their claims by date; and
-- clusters by date.
CREATE INDEX clusters_documents ON clusters(documents DESC, id, status);
CREATE INDEX clusters_first_date ON clusters(first_date, id);
CREATE INDEX claims_cluster_date ON claims(cluster, event_date);
DROP INDEX claims_cluster;

-- The few retired versions of documents (current = 0): a claim is current
-- unless its document is one of them.
CREATE INDEX documents_retired ON documents(id) WHERE current = 0;

-- The `source` filter: per claim, its outlet's name and id and the name, text
-- and registry id of each link of its chain, one per line, in a trigram index
-- so that a case-insensitive substring (LIKE '%tass%') is an index lookup.
-- Put writes a row with each claim.
CREATE VIRTUAL TABLE claim_sources USING fts5(terms, tokenize = 'trigram');
INSERT INTO claim_sources (rowid, terms)
SELECT c.id,
       coalesce(d.outlet, '') || char(10) || coalesce(d.outlet_id, '') ||
       coalesce((SELECT group_concat(char(10) || coalesce(json_extract(l.value, '$.name'), '') || char(10) ||
                                     coalesce(json_extract(l.value, '$.text'), '') || char(10) ||
                                     coalesce(json_extract(l.value, '$.registry'), ''), '')
                 FROM json_each(c.chain) l), '')
FROM claims c JOIN documents d ON d.id = c.doc;
