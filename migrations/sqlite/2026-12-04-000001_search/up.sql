-- Indexed search, the same on both backends: a stored search text, case-folded by the
-- application (Rust's to_lowercase: Latin, Cyrillic with the Kazakh letters, anything), and
-- the query folded the same way. Exact lookups (codes, seal, BIN) use ordinary indexes; free
-- text goes through an FTS5 trigram index here and a pg_trgm GIN index on PostgreSQL. Rows
-- written before this migration are filled in at start-up (search_text = '' marks them).

ALTER TABLE exporters ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE consignments ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
-- The seal number as searched: folded, white space collapsed ("kz 5122028" finds "KZ 5122028"),
-- and by its beginning (a range of the index, in byte order on both backends).
ALTER TABLE samples ADD COLUMN seal_key TEXT NOT NULL DEFAULT '';

CREATE INDEX exporters_unsearchable_idx ON exporters (id) WHERE search_text = '';
CREATE INDEX applications_unsearchable_idx ON applications (id) WHERE search_text = '';
CREATE INDEX consignments_unsearchable_idx ON consignments (id) WHERE search_text = '';
CREATE INDEX samples_unsearchable_idx ON samples (id) WHERE seal_key = '';
CREATE INDEX samples_seal_key_idx ON samples (seal_key);

-- Free text: each table's search text in a trigram index, kept in step by triggers (the
-- FTS table has its own copy; a rowid of a table without INTEGER PRIMARY KEY may change).
CREATE VIRTUAL TABLE exporters_fts USING fts5(search_text, id UNINDEXED, tokenize = 'trigram');
CREATE VIRTUAL TABLE applications_fts USING fts5(search_text, id UNINDEXED, tokenize = 'trigram');
CREATE VIRTUAL TABLE consignments_fts USING fts5(search_text, id UNINDEXED, tokenize = 'trigram');

CREATE TRIGGER exporters_fts_insert AFTER INSERT ON exporters WHEN new.search_text <> '' BEGIN
    INSERT INTO exporters_fts (search_text, id) VALUES (new.search_text, new.id);
END;
CREATE TRIGGER exporters_fts_update AFTER UPDATE OF search_text ON exporters BEGIN
    DELETE FROM exporters_fts WHERE old.search_text <> '' AND id = old.id;
    INSERT INTO exporters_fts (search_text, id) SELECT new.search_text, new.id WHERE new.search_text <> '';
END;
CREATE TRIGGER exporters_fts_delete AFTER DELETE ON exporters BEGIN
    DELETE FROM exporters_fts WHERE id = old.id;
END;

CREATE TRIGGER applications_fts_insert AFTER INSERT ON applications WHEN new.search_text <> '' BEGIN
    INSERT INTO applications_fts (search_text, id) VALUES (new.search_text, new.id);
END;
CREATE TRIGGER applications_fts_update AFTER UPDATE OF search_text ON applications BEGIN
    DELETE FROM applications_fts WHERE old.search_text <> '' AND id = old.id;
    INSERT INTO applications_fts (search_text, id) SELECT new.search_text, new.id WHERE new.search_text <> '';
END;
CREATE TRIGGER applications_fts_delete AFTER DELETE ON applications BEGIN
    DELETE FROM applications_fts WHERE id = old.id;
END;

CREATE TRIGGER consignments_fts_insert AFTER INSERT ON consignments WHEN new.search_text <> '' BEGIN
    INSERT INTO consignments_fts (search_text, id) VALUES (new.search_text, new.id);
END;
CREATE TRIGGER consignments_fts_update AFTER UPDATE OF search_text ON consignments BEGIN
    DELETE FROM consignments_fts WHERE old.search_text <> '' AND id = old.id;
    INSERT INTO consignments_fts (search_text, id) SELECT new.search_text, new.id WHERE new.search_text <> '';
END;
CREATE TRIGGER consignments_fts_delete AFTER DELETE ON consignments BEGIN
    DELETE FROM consignments_fts WHERE id = old.id;
END;

-- The hot queries at a million samples.
-- The audit log filtered by entity, newest first, and one record's events.
DROP INDEX audit_events_entity_idx;
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq);
CREATE INDEX audit_events_type_seq_idx ON audit_events (entity_type, seq);
-- A side's portions still to receive (the analyst's and registrar's home page).
-- (Not partial: the queries bind their values, and SQLite uses a partial index only for
-- literals.)
CREATE INDEX sample_portions_waiting_idx ON sample_portions (portion, status);
-- The sample list by status and date range.
CREATE INDEX samples_status_idx ON samples (status, created_at);
CREATE INDEX consignments_status_idx ON consignments (status, created_at);
CREATE INDEX discrepancies_status_idx ON discrepancies (status);
