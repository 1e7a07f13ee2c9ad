-- The audit log, slimmer: `seq` becomes the key, and the unique indexes on the random `id`,
-- `hash` and `prev_hash` go. A fork of the chain is still refused: `seq` is unique (every
-- writer appends head + 1 under the chain's advisory lock), and `jointlab verify-audit`
-- checks each `prev_hash` against the previous event's `hash`.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_seq_key;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_prev_hash_key;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_hash_key;
ALTER TABLE audit_events ADD PRIMARY KEY (seq);
