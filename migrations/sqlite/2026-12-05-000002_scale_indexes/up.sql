-- The bench lists a side's tests withdrawn in the last days: few rows among millions.
CREATE INDEX tests_withdrawn_idx ON tests (withdrawn_at) WHERE withdrawn_at IS NOT NULL;
