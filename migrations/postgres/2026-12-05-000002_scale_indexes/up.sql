-- The bench lists a side's tests withdrawn in the last days: few rows among millions.
CREATE INDEX tests_withdrawn_idx ON tests (withdrawn_at) WHERE withdrawn_at IS NOT NULL;
-- A border post's page: the consignments declared for it by planned crossing date.
CREATE INDEX consignments_post_planned_idx ON consignments (border_post_id, planned_date);
-- Portions waiting to be received are a few hundred of millions, but `handed_over` is common
-- for counter samples: without the two columns' joint statistics PostgreSQL expects a third
-- of the table and hashes every sample to count the "to receive" tile.
CREATE STATISTICS sample_portions_waiting_stats (mcv) ON portion, status FROM sample_portions;
