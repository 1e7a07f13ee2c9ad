-- One change protocol: what the workflows need to make the integrity faults impossible.

-- At most one live test (pending, entered or verified) of a method per sample and side: two
-- parallel "add test" requests, or two invalidations making two retests, cannot both commit.
CREATE UNIQUE INDEX tests_one_live_idx ON tests (sample_id, side, test_method_id)
    WHERE status IN ('pending', 'entered', 'verified');

-- A test withdrawn because the sample can no longer be certified (its other portion was
-- rejected as unfit): status 'removed', the reason in note, and when.
ALTER TABLE tests ADD COLUMN withdrawn_at text;

-- A replacement sample drawn from the same consignment after a portion was rejected.
ALTER TABLE samples ADD COLUMN replaces_sample_id text REFERENCES samples (id);
CREATE INDEX samples_replaces_idx ON samples (replaces_sample_id);

-- The outcome both sides agreed on, and how the discrepancy was closed.
ALTER TABLE discrepancies ADD COLUMN agreed text CHECK (agreed IN ('conforms', 'does_not_conform'));
ALTER TABLE discrepancies ADD COLUMN closed_by text CHECK (closed_by IN ('reviewers', 'retest'));
