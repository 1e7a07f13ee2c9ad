-- The audit log, slimmer: `seq` becomes the table's own key (the rowid), so the table is kept
-- in chain order and every index carries it for free; the unique indexes on the random `id`,
-- `hash` and `prev_hash` go. A fork of the chain is still refused: `seq` is unique (every
-- writer appends head + 1 under the write lock), and `jointlab verify-audit` checks each
-- `prev_hash` against the previous event's `hash`. About 250 bytes an event less, and bulk
-- appends no longer update three indexes keyed by random values.
CREATE TABLE audit_events_slim (
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

INSERT INTO audit_events_slim (seq, id, at, actor_id, actor_label, action, entity_type,
                               entity_id, side, before, after, prev_hash, hash)
SELECT seq, id, at, actor_id, actor_label, action, entity_type, entity_id, side, before, after,
       prev_hash, hash
FROM audit_events ORDER BY seq;

DROP TABLE audit_events;
ALTER TABLE audit_events_slim RENAME TO audit_events;

-- Each index ends with the rowid, that is `seq`: one record's events, one type's, one
-- person's and one action's come out in chain order without a sort.
CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_type_seq_idx ON audit_events (entity_type);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id);
CREATE INDEX audit_events_action_idx ON audit_events (action);

-- The log is append-only: changing or removing an event needs someone to drop these triggers
-- first, and `jointlab verify-audit` shows what they changed.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
