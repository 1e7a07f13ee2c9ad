-- Indexed search, the same on both backends: a stored search text, case-folded by the
-- application (Rust's to_lowercase: Latin, Cyrillic with the Kazakh letters, anything), and
-- the query folded the same way. Exact lookups (codes, seal, BIN) use ordinary indexes; free
-- text goes through a pg_trgm GIN index here and an FTS5 trigram index on SQLite. Rows
-- written before this migration are filled in at start-up (search_text = '' marks them).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE exporters ADD COLUMN search_text text NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN search_text text NOT NULL DEFAULT '';
ALTER TABLE consignments ADD COLUMN search_text text NOT NULL DEFAULT '';
-- The seal number as searched: folded, white space collapsed ("kz 5122028" finds "KZ 5122028").
-- Byte order (COLLATE "C"), as on SQLite, so that a prefix is one range of its index.
ALTER TABLE samples ADD COLUMN seal_key text COLLATE "C" NOT NULL DEFAULT '';

CREATE INDEX exporters_unsearchable_idx ON exporters (id) WHERE search_text = '';
CREATE INDEX applications_unsearchable_idx ON applications (id) WHERE search_text = '';
CREATE INDEX consignments_unsearchable_idx ON consignments (id) WHERE search_text = '';
CREATE INDEX samples_unsearchable_idx ON samples (id) WHERE seal_key = '';
CREATE INDEX samples_seal_key_idx ON samples (seal_key);

CREATE INDEX exporters_search_trgm_idx ON exporters USING gin (search_text gin_trgm_ops);
CREATE INDEX applications_search_trgm_idx ON applications USING gin (search_text gin_trgm_ops);
CREATE INDEX consignments_search_trgm_idx ON consignments USING gin (search_text gin_trgm_ops);

-- The hot queries at a million samples.
DROP INDEX audit_events_entity_idx;
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq);
CREATE INDEX audit_events_type_seq_idx ON audit_events (entity_type, seq);
-- (Not partial: the queries bind their values, and SQLite uses a partial index only for
-- literals.)
CREATE INDEX sample_portions_waiting_idx ON sample_portions (portion, status);
CREATE INDEX samples_status_idx ON samples (status, created_at);
CREATE INDEX consignments_status_idx ON consignments (status, created_at);
CREATE INDEX discrepancies_status_idx ON discrepancies (status);
