ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey;
ALTER TABLE audit_events ADD PRIMARY KEY (id);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_seq_key UNIQUE (seq);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_prev_hash_key UNIQUE (prev_hash);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_hash_key UNIQUE (hash);
