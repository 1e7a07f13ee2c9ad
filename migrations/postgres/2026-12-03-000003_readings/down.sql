ALTER TABLE tests DROP COLUMN result_comment;
ALTER TABLE tests DROP COLUMN analysed_on;
ALTER TABLE tests DROP COLUMN instrument;
ALTER TABLE tests DROP COLUMN reading_as_entered;
