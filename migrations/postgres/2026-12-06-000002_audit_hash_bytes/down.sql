ALTER TABLE audit_events ALTER COLUMN hash TYPE text USING encode(hash, 'hex'),
    ADD COLUMN prev_hash text;
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
UPDATE audit_events a SET prev_hash = coalesce(
    (SELECT p.hash FROM audit_events p WHERE p.seq = a.seq - 1),
    '0000000000000000000000000000000000000000000000000000000000000000');
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;
ALTER TABLE audit_events ALTER COLUMN prev_hash SET NOT NULL;
