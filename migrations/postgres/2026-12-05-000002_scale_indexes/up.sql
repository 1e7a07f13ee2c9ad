-- The bench lists a side's tests withdrawn in the last days: few rows among millions.
CREATE INDEX tests_withdrawn_idx ON tests (withdrawn_at) WHERE withdrawn_at IS NOT NULL;
-- A border post's page: the consignments declared for it by planned crossing date.
CREATE INDEX consignments_post_planned_idx ON consignments (border_post_id, planned_date);
