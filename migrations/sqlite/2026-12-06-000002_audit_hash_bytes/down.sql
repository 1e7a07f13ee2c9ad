CREATE TABLE audit_events_text (
    seq          INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
    id           TEXT NOT NULL,
    at           TEXT NOT NULL,
    actor_id     TEXT,
    actor_label  TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT,
    side         TEXT CHECK (side IN ('kz', 'cn')),
    before       TEXT,
    after        TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

INSERT INTO audit_events_text (seq, id, at, actor_id, actor_label, action, entity_type,
                               entity_id, side, before, after, prev_hash, hash)
SELECT seq, id, at, actor_id, actor_label, action, entity_type, entity_id, side, before, after,
       coalesce(lower(hex(lag(hash) OVER (ORDER BY seq))),
                '0000000000000000000000000000000000000000000000000000000000000000'),
       lower(hex(hash))
FROM audit_events ORDER BY seq;

DROP TABLE audit_events;
ALTER TABLE audit_events_text RENAME TO audit_events;

CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_type_seq_idx ON audit_events (entity_type);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id);
CREATE INDEX audit_events_action_idx ON audit_events (action);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
