DROP STATISTICS sample_portions_waiting_stats;
CREATE STATISTICS sample_portions_waiting_stats (mcv) ON portion, status FROM sample_portions;
DROP INDEX sample_portions_waiting_idx;
CREATE INDEX sample_portions_waiting_idx ON sample_portions (portion, status);
ALTER TABLE sample_portions DROP COLUMN sample_finished;
