-- A finished sample's portions are no longer awaited. A cancelled sample's portions, and the
-- other side's portion of a rejected one, stay sealed (that is where they are), but no lab
-- will receive them: the "to receive" count and list skip them through this flag, kept by
-- `Sample::set_status`. Without it, the waiting range of the index grows with every
-- cancelled sample of the decade (2 182 portions at a million samples, 26 of them awaited)
-- and each one is looked up on every lab home page.
ALTER TABLE sample_portions ADD COLUMN sample_finished BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE sample_portions SET sample_finished = TRUE
WHERE sample_id IN (SELECT id FROM samples WHERE status IN ('cancelled', 'rejected', 'closed'));

DROP INDEX sample_portions_waiting_idx;
CREATE INDEX sample_portions_waiting_idx ON sample_portions (portion, status, sample_finished);
