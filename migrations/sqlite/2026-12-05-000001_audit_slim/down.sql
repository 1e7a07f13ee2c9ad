CREATE TABLE audit_events_full (
    id           TEXT PRIMARY KEY NOT NULL,
    seq          INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
    at           TEXT NOT NULL,
    actor_id     TEXT,
    actor_label  TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT,
    side         TEXT CHECK (side IN ('kz', 'cn')),
    before       TEXT,
    after        TEXT,
    prev_hash    TEXT NOT NULL UNIQUE,
    hash         TEXT NOT NULL UNIQUE
);

INSERT INTO audit_events_full (id, seq, at, actor_id, actor_label, action, entity_type,
                               entity_id, side, before, after, prev_hash, hash)
SELECT id, seq, at, actor_id, actor_label, action, entity_type, entity_id, side, before, after,
       prev_hash, hash
FROM audit_events ORDER BY seq;

DROP TABLE audit_events;
ALTER TABLE audit_events_full RENAME TO audit_events;

CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq);
CREATE INDEX audit_events_type_seq_idx ON audit_events (entity_type, seq);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq);
CREATE INDEX audit_events_action_idx ON audit_events (action, seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
