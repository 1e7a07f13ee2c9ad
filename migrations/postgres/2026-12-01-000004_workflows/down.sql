ALTER TABLE discrepancies DROP COLUMN closed_by;
ALTER TABLE discrepancies DROP COLUMN agreed;
DROP INDEX samples_replaces_idx;
ALTER TABLE samples DROP COLUMN replaces_sample_id;
ALTER TABLE tests DROP COLUMN withdrawn_at;
DROP INDEX tests_one_live_idx;
