-- Only a database without deflated contents goes back (SQL cannot inflate them).
ALTER TABLE certificates ALTER COLUMN contents TYPE text USING convert_from(contents, 'UTF8');
