-- A result as the lab wrote it: the reading exactly as typed (significant figures, "< 0.01"),
-- and per result the instrument, the day of analysis (YYYY-MM-DD) and a comment.
ALTER TABLE tests ADD COLUMN reading_as_entered TEXT;
ALTER TABLE tests ADD COLUMN instrument TEXT;
ALTER TABLE tests ADD COLUMN analysed_on TEXT;
ALTER TABLE tests ADD COLUMN result_comment TEXT;
