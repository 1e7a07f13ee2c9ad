-- Each event's hash as its 32 bytes instead of 64 hex characters, and the previous event's
-- hash no longer stored beside it: `jointlab verify-audit` walks the chain in order and feeds
-- each hash into the next one's, so a removed, reordered or edited event still breaks the
-- chain where it happened. The hashes themselves do not change. About 100 bytes an event.
ALTER TABLE audit_events DROP COLUMN prev_hash,
    ALTER COLUMN hash TYPE bytea USING decode(hash, 'hex');
