-- Each event's hash as its 32 bytes instead of 64 hex characters, and the previous event's
-- hash no longer stored beside it: `jointlab verify-audit` walks the chain in order and feeds
-- each hash into the next one's, so a removed, reordered or edited event still breaks the
-- chain where it happened. The hashes themselves do not change. About 100 bytes an event.
-- SQLite changes a column's type by rebuilding the table (the one copy also drops
-- `prev_hash`); its indexes and append-only triggers are made again as they were.
CREATE TABLE audit_events_bytes (
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
    hash         BLOB NOT NULL CHECK (length(hash) = 32)
);

INSERT INTO audit_events_bytes (seq, id, at, actor_id, actor_label, action, entity_type,
                                entity_id, side, before, after, hash)
SELECT seq, id, at, actor_id, actor_label, action, entity_type, entity_id, side, before, after,
       unhex(hash)
FROM audit_events ORDER BY seq;

DROP TABLE audit_events;
ALTER TABLE audit_events_bytes RENAME TO audit_events;

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
